package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** {@code -Name}, {@code -Name value} or {@code -Name:value} in a command's arguments; argument is null for a bare switch. */
public record CommandParameterAst(String name, Expression argument, boolean colon, SourcePosition at) implements Node {
}
