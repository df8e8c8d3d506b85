package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** {@code switch [-Wildcard|-Regex|-CaseSensitive] (value) { pattern { body } ... default { body } }}. */
public record SwitchAst(Statement value, boolean wildcard, boolean regex, boolean caseSensitive, List<Expression> patterns, List<List<Statement>> bodies, List<Statement> defaultBody, String label, SourcePosition at) implements Statement {
}
