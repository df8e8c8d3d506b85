package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code { ... }} used as a value (Where-Object's filter, a calculated property). */
public record ScriptBlockExpressionAst(ScriptBlockAst block, SourcePosition at) implements Expression {
}
