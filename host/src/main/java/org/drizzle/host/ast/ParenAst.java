package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code ( pipeline )}: a pipeline or assignment used as a value. */
public record ParenAst(Statement statement, SourcePosition at) implements Expression {
}
