package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/**
 * One parameter in param(): attributes ([Parameter(...)], [ValidateSet(...)]), type constraint,
 * name and default value (with its source text, for help), and its description from the comments
 * right above, inside and right after it ("" when none), which help shows when no .PARAMETER
 * section describes it.
 */
public record ParameterAst(List<AttributeAst> attributes, String typeName, String name, Expression defaultValue,
                           String defaultText, String help, SourcePosition at) implements Node {
}
