package org.drizzle.host.ast;

import org.drizzle.host.lex.SourcePosition;

/** A cast: {@code [int]$x}, {@code [pscustomobject]@{...}}. */
public record ConvertAst(String typeName, Expression operand, SourcePosition at) implements Expression {
}
