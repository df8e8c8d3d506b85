package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** trap [Type] { ... }: handles terminating errors of every statement in the list it stands in. */
public record TrapAst(List<String> types, ScriptBlockAst body, SourcePosition at) implements Statement {
}
