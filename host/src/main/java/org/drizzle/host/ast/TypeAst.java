package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** A type literal used for static members: {@code [math]}, {@code [System.IO.Path]}. */
public record TypeAst(String typeName, SourcePosition at) implements Expression {
}
