package org.drizzle.host.ast;

import java.util.List;
import org.drizzle.host.lex.SourcePosition;

/** A script, function body or {...} block: param(), begin/process/end (a plain body is the end block), its source text and comment-based help (null when it has none). */
public record ScriptBlockAst(List<AttributeAst> attributes, List<ParameterAst> parameters, List<Statement> begin, List<Statement> process, List<Statement> end, String text, CommentHelp help, SourcePosition at) implements Statement {
}
