package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** One command invocation: a name (or, with {@code &}, an expression) and its arguments. */
public record CommandAst(Expression name, List<Node> arguments, boolean invoked, SourcePosition at) implements Node {
}
