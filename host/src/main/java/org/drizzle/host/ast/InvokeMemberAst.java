package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code target.Method(args)} or {@code [type]::Method(args)}. */
public record InvokeMemberAst(Expression target, Expression member, List<Expression> arguments, boolean isStatic, SourcePosition at) implements Expression {
}
