package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code $name}, {@code $env:NAME}, {@code $script:x}; splat marks {@code @name} in a command's arguments. */
public record VariableAst(String name, boolean splat, SourcePosition at) implements Expression {
}
