package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** One parameter in param(): attributes ([Parameter(...)], [ValidateSet(...)]), type constraint, name and default value. */
public record ParameterAst(List<AttributeAst> attributes, String typeName, String name, Expression defaultValue, SourcePosition at) implements Node {
}
