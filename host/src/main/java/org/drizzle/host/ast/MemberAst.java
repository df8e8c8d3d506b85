package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code target.Name} or {@code [type]::Name}; member may be computed ({@code $x.$name}). */
public record MemberAst(Expression target, Expression member, boolean isStatic, SourcePosition at) implements Expression {
}
