package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code function Name { param(...) ... }} (or a filter, whose body is a process block). */
public record FunctionAst(String name, ScriptBlockAst body, SourcePosition at) implements Statement {
}
