package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** A statement used as a value: {@code $x = if (...) {...}}; its output is the value. */
public record StatementExpressionAst(Statement statement, SourcePosition at) implements Expression {
}
