package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code foreach ($item in <pipeline>) { ... }}. */
public record ForEachAst(String variable, Statement collection, List<Statement> body, String label, SourcePosition at) implements Statement {
}
