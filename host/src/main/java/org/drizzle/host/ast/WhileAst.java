package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code while (...) {...}}, and {@code do {...} while/until (...)} when doLoop is set. */
public record WhileAst(Statement condition, List<Statement> body, boolean doLoop, boolean until, String label, SourcePosition at) implements Statement {
}
