package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code target[index]}. */
public record IndexAst(Expression target, Expression index, SourcePosition at) implements Expression {
}
