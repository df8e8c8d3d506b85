package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.TokenKind;

/** {@code left <op> right}; casePrefix is 'c', 'i' or '' for comparison operators. */
public record BinaryAst(TokenKind operator, String casePrefix, Expression left, Expression right, SourcePosition at) implements Expression {
}
