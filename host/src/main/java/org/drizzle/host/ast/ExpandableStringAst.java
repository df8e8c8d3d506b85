package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** A double-quoted string split into literal text (String) and embedded expressions. */
public record ExpandableStringAst(List<Object> parts, SourcePosition at) implements Expression {
}
