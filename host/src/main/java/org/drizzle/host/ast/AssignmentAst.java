package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/**
 * {@code target = value} (or {@code +=}, {@code -=}...); the value may be a pipeline or a statement such as
 * if/switch/foreach. A target that is an {@link ArrayLiteralAst} ({@code $a, $b = ...}) splits the value's
 * elements over its variables, the last one taking the remainder.
 */
public record AssignmentAst(Expression target, String operator, Statement value, SourcePosition at) implements Statement {
}
