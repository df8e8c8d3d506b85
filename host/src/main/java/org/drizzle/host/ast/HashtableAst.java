package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code @{ Key = value; ... }}; entries keep their order. */
public record HashtableAst(List<Expression> keys, List<Statement> values, SourcePosition at) implements Expression {
}
