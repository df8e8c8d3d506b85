package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** break, continue, return, exit and throw: the keyword and its optional value (a label for break/continue). */
public record FlowAst(String keyword, Statement value, String label, SourcePosition at) implements Statement {
}
