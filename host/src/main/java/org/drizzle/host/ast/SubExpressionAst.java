package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code $( ... )} (array false) or {@code @( ... )} (array true): statements whose output is the value. */
public record SubExpressionAst(List<Statement> statements, boolean array, SourcePosition at) implements Expression {
}
