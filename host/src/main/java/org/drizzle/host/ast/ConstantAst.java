package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** A literal: number, single-quoted string or bare word. */
public record ConstantAst(Object value, SourcePosition at) implements Expression {
}
