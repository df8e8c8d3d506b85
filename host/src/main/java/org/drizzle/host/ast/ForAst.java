package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code for (init; condition; iterator) {...}}; each part may be null. */
public record ForAst(Statement init, Statement condition, Statement iterator, List<Statement> body, String label, SourcePosition at) implements Statement {
}
