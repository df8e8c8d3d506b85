package org.drizzle.host.ast;

import java.util.List;
import java.util.Map;
import org.drizzle.host.lex.SourcePosition;

/** An attribute such as [Parameter(Mandatory, Position=0)] or [CmdletBinding()]: positional and named arguments (a named argument without a value is $true). */
public record AttributeAst(String name, List<Expression> positional, Map<String, Expression> named, SourcePosition at) implements Node {
}
