package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code left && right} / {@code left || right}: right runs only when left succeeded ($? true) / failed. */
public record ChainAst(Statement left, boolean and, Statement right, SourcePosition at) implements Statement {
}
