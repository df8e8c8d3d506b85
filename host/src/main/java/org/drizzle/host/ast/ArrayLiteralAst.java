package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code a, b, c}: the comma operator. */
public record ArrayLiteralAst(List<Expression> elements, SourcePosition at) implements Expression {
}
