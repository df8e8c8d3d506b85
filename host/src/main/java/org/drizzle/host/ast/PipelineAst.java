package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code a | b | c}: the first element may be an expression; the others are commands. */
public record PipelineAst(List<Node> elements, SourcePosition at) implements Statement {
}
