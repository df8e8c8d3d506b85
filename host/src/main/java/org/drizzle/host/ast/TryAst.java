package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** try {...} catch [Type1, Type2] {...} ... finally {...}; finallyBody may be null. */
public record TryAst(List<Statement> body, List<List<String>> catchTypes, List<List<Statement>> catchBodies, List<Statement> finallyBody, SourcePosition at) implements Statement {
}
