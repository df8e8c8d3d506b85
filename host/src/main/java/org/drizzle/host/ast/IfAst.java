package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** if / elseif / else: each clause is a condition and a body; elseBody may be null. */
public record IfAst(List<Statement> conditions, List<List<Statement>> bodies, List<Statement> elseBody, SourcePosition at) implements Statement {
}
