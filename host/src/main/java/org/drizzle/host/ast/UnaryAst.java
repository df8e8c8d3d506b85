package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.TokenKind;

/** A prefix operator (-not, !, -, +, -bnot, -split, -join, ++, --) or a postfix ++/--. */
public record UnaryAst(TokenKind operator, Expression operand, boolean postfix, SourcePosition at) implements Expression {
}
