package org.drizzle.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.AssignmentAst;
import org.drizzle.host.ast.AttributeAst;
import org.drizzle.host.ast.ChainAst;
import org.drizzle.host.ast.CommentHelp;
import org.drizzle.host.ast.ConvertAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.FlowAst;
import org.drizzle.host.ast.ForAst;
import org.drizzle.host.ast.ForEachAst;
import org.drizzle.host.ast.FunctionAst;
import org.drizzle.host.ast.IfAst;
import org.drizzle.host.ast.IndexAst;
import org.drizzle.host.ast.MemberAst;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.ParameterAst;
import org.drizzle.host.ast.PipelineAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.StatementExpressionAst;
import org.drizzle.host.ast.SwitchAst;
import org.drizzle.host.ast.TrapAst;
import org.drizzle.host.ast.TryAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.ast.WhileAst;
import org.drizzle.host.lex.Lexer;
import org.drizzle.host.lex.Lexer.Mode;
import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.Token;
import org.drizzle.host.lex.TokenKind;

/**
 * Recursive-descent parser for the PowerShell language subset (statements, pipelines and
 * commands; expressions are in {@link ExpressionParser}). Each rule's javadoc quotes its
 * grammar. Errors carry file:line:column and a caret.
 */
public final class Parser {
    static final Set<String> KEYWORDS = Set.of("if", "elseif", "else", "foreach", "for", "while", "do",
            "until", "switch", "function", "filter", "try", "catch", "finally", "throw", "return", "exit", "break",
            "continue", "param", "begin", "process", "end", "trap", "data", "class", "enum", "using", "in");

    private final TokenStream in;
    private final ExpressionParser expressions;
    private final CommandParser commands;

    private Parser(TokenStream in) {
        this.in = in;
        this.expressions = new ExpressionParser(in, this);
        this.commands = new CommandParser(in, expressions, this);
    }

    /** Parses a whole script (a file, a -Command string or a REPL entry). */
    public static ScriptBlockAst parse(String source, String file) {
        Parser p = new Parser(new TokenStream(new Lexer(source, file), 0));
        ScriptBlockAst block = p.scriptBlockBody(0, TokenKind.EOF);
        Token t = p.in.peek();
        if (!t.is(TokenKind.EOF)) {
            throw p.in.unexpected(t);
        }
        return block;
    }

    /** A parser sharing this source at another cursor (string interpolation). */
    Parser child(TokenStream sub) {
        return new Parser(sub);
    }

    /**
     * ScriptBlockBody :
     *      Attribute* ( param ( ParameterList ) )? ( NamedBlock+ | StatementList )
     * NamedBlock :
     *      ( begin | process | end ) { StatementList }
     * Reads up to (not including) {@code close}; text is the source between.
     */
    ScriptBlockAst scriptBlockBody(int textStart, TokenKind close) {
        SourcePosition at = in.lexer().position(textStart);
        in.skipNewlines(true);
        List<AttributeAst> attributes = new ArrayList<>();
        List<ParameterAst> params = List.of();
        int mark = in.mark();
        while (in.peek().is(TokenKind.LBRACKET)) {
            Token b = in.advance(in.peek());
            String name = expressions.typeName();
            if (!expressions.attributeFollows && !name.equalsIgnoreCase("CmdletBinding")) {
                break;
            }
            attributes.add(expressions.attribute(name, in.at(b)));
            in.skipNewlines(true);
        }
        Token p = in.peek(Mode.COMMAND);
        if (p.isWord("param")) {
            in.advance(p);
            in.expect(TokenKind.LPAREN, "'(' after param");
            params = parameterList();
        } else if (!attributes.isEmpty() && attributes.stream().noneMatch(a -> a.name().equalsIgnoreCase("CmdletBinding"))) {
            attributes.clear();
            in.reset(mark);
        } else if (attributes.isEmpty()) {
            in.reset(mark);
        }
        in.skipNewlines(true);
        List<Statement> begin = List.of();
        List<Statement> process = List.of();
        List<Statement> end = null;
        Token w = in.peek(Mode.COMMAND);
        boolean named = isNamedBlock(w);
        if (named) {
            end = List.of();
            while (isNamedBlock(w)) {
                in.advance(w);
                in.skipNewlines(false);
                in.expect(TokenKind.LBRACE, "'{' after " + w.text());
                List<Statement> body = statementList(TokenKind.RBRACE);
                in.expect(TokenKind.RBRACE, "closing '}' of the " + w.text() + " block");
                switch (w.text().toLowerCase(Locale.ROOT)) {
                    case "begin" -> begin = body;
                    case "process" -> process = body;
                    default -> end = body;
                }
                in.skipNewlines(true);
                w = in.peek(Mode.COMMAND);
            }
        } else {
            end = statementList(close, close == TokenKind.RBRACE ? textStart - 1 : -1);
        }
        Token last = in.peek();
        if (!last.is(close)) {
            throw close == TokenKind.RBRACE && last.is(TokenKind.EOF)
                    ? in.lexer().incomplete(textStart - 1, "Missing closing '}' in statement block.")
                    : in.unexpected(last);
        }
        String text = in.lexer().source().substring(textStart, last.start());
        HelpComments comments = new HelpComments(in.lexer());
        CommentHelp help = close != TokenKind.EOF ? comments.body(textStart, last.start())
                : comments.script(last.start(), !named && !end.isEmpty() && end.get(0) instanceof FunctionAst f
                ? f.at().line() : -1);
        return new ScriptBlockAst(attributes, params, begin, process, end, text, help, at);
    }

    private boolean isNamedBlock(Token w) {
        if (!(w.isWord("begin") || w.isWord("process") || w.isWord("end"))) {
            return false;
        }
        int mark = in.mark();
        in.advance(w);
        in.skipNewlines(false);
        boolean brace = in.peek().is(TokenKind.LBRACE);
        in.reset(mark);
        return brace;
    }

    /**
     * ParameterList :
     *      ( Attribute* [Type]? $name ( = Expression )? ( , ... )* )? )
     */
    private List<ParameterAst> parameterList() {
        List<ParameterAst> params = new ArrayList<>();
        in.skipNewlines(false);
        if (in.accept(TokenKind.RPAREN, Mode.EXPRESSION)) {
            return params;
        }
        List<Span> extents = new ArrayList<>();
        while (true) {
            in.skipNewlines(false);
            List<AttributeAst> attributes = new ArrayList<>();
            String type = null;
            Token t = in.peek();
            SourcePosition at = in.at(t);
            int start = t.start();
            while (t.is(TokenKind.LBRACKET)) {
                in.advance(t);
                String name = expressions.typeName();
                if (expressions.attributeFollows) {
                    attributes.add(expressions.attribute(name, in.at(t)));
                } else if (isBareAttribute(name)) {
                    attributes.add(new AttributeAst(name, List.of(), java.util.Map.of(), in.at(t)));
                } else {
                    type = name;
                }
                in.skipNewlines(false);
                t = in.peek();
            }
            if (!t.is(TokenKind.VARIABLE)) {
                throw in.error(t, "Missing a variable name in the parameter list; found '" + t.text().trim() + "'.");
            }
            in.advance(t);
            Expression def = null;
            String defText = null;
            if (in.accept(TokenKind.ASSIGN, Mode.EXPRESSION)) {
                in.skipNewlines(false);
                int from = in.peek().start();
                def = expressions.binaryNoComma();
                defText = in.lexer().source().substring(from, in.mark()).strip();
            }
            extents.add(new Span(start, in.mark()));
            params.add(new ParameterAst(attributes, type, (String) t.value(), def, defText, "", at));
            in.skipNewlines(false);
            if (in.accept(TokenKind.COMMA, Mode.EXPRESSION)) {
                continue;
            }
            in.expect(TokenKind.RPAREN, "')' at the end of the parameter list");
            return withDescriptions(params, extents);
        }
    }

    /** Where a parameter's source text starts (its first attribute) and ends (its name or default value). */
    private record Span(int start, int end) {
    }

    /** Each parameter's description from the comments around it, read once the whole list has been scanned. */
    private List<ParameterAst> withDescriptions(List<ParameterAst> params, List<Span> extents) {
        HelpComments comments = new HelpComments(in.lexer());
        List<ParameterAst> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            ParameterAst p = params.get(i);
            out.add(new ParameterAst(p.attributes(), p.typeName(), p.name(), p.defaultValue(), p.defaultText(),
                    comments.parameter(extents.get(i).start(), extents.get(i).end()), p.at()));
        }
        return out;
    }

    private static boolean isBareAttribute(String name) {
        return Set.of("parameter", "validatenotnullorempty", "validatenotnull", "allownull", "allowemptystring",
                "allowemptycollection", "cmdletbinding").contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * StatementList :
     *      ( Statement ( NewLine | ; )+ )* -- up to {@code close}
     */
    List<Statement> statementList(TokenKind close) {
        return statementList(close, -1);
    }

    /** As above; an unclosed list is reported at {@code openOffset} (its opening brace), as PowerShell does. */
    List<Statement> statementList(TokenKind close, int openOffset) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            in.skipNewlines(true);
            Token t = in.peek();
            if (t.is(close) || t.is(TokenKind.EOF)) {
                if (t.is(TokenKind.EOF) && close != TokenKind.EOF) {
                    throw in.lexer().incomplete(openOffset >= 0 ? openOffset : t.start(), "Missing closing '"
                            + close.text() + "'" + (close == TokenKind.RBRACE ? " in statement block." : "."));
                }
                return out;
            }
            out.add(statement());
            Token sep = in.peek();
            if (!sep.is(TokenKind.NEWLINE) && !sep.is(TokenKind.SEMI) && !sep.is(close) && !sep.is(TokenKind.EOF)) {
                throw in.unexpected(sep);
            }
        }
    }

    /**
     * Statement :
     *      IfStatement | ForEachStatement | WhileStatement | DoStatement | ForStatement
     *      | SwitchStatement | FunctionDefinition | TryStatement | FlowStatement
     *      | PipelineOrAssignment
     */
    Statement statement() {
        Token t = in.peek(Mode.COMMAND);
        String label = null;
        if (t.is(TokenKind.GENERIC) && t.text().startsWith(":") && t.text().length() > 1) {
            label = t.text().substring(1);
            in.advance(t);
            in.skipNewlines(false);
            t = in.peek(Mode.COMMAND);
        }
        if (t.is(TokenKind.GENERIC)) {
            switch (t.text().toLowerCase(Locale.ROOT)) {
                case "if":
                    return ifStatement();
                case "foreach":
                    if (followedByParen(t)) {
                        return foreachStatement(label);
                    }
                    break;
                case "while":
                    return whileStatement(label);
                case "do":
                    return doStatement(label);
                case "for":
                    return forStatement(label);
                case "switch":
                    return switchStatement(label);
                case "function", "filter":
                    return functionDefinition();
                case "try":
                    return tryStatement();
                case "break", "continue", "return", "exit", "throw":
                    return flowStatement();
                case "trap":
                    return trapStatement();
                case "class", "enum", "data", "using", "dynamicparam":
                    throw in.error(t, "The '" + t.text() + "' keyword is not supported by Drizzle.");
                case "param":
                    throw in.error(t, "param() must come first in a script, function or script block.");
                case "else", "elseif", "catch", "finally", "until":
                    throw in.error(t, "Unexpected keyword '" + t.text() + "' without a matching statement before it.");
                default:
                    break;
            }
        }
        return chain();
    }

    /**
     * PipelineChain :
     *      Pipeline ( ( && | || ) NewLines? Pipeline )*
     */
    private Statement chain() {
        Statement s = pipelineOrAssignment();
        while (true) {
            Token op = in.peek(Mode.COMMAND);
            if (!op.is(TokenKind.AND_AND) && !op.is(TokenKind.OR_OR)) {
                return s;
            }
            in.advance(op);
            in.skipNewlines(false);
            s = new ChainAst(s, op.is(TokenKind.AND_AND), pipelineOrAssignment(), in.at(op));
        }
    }

    private boolean followedByParen(Token t) {
        int mark = in.mark();
        in.advance(t);
        boolean paren = in.peek().is(TokenKind.LPAREN);
        in.reset(mark);
        return paren;
    }

    private Statement condition(String keyword) {
        in.expect(TokenKind.LPAREN, "'(' after '" + keyword + "'");
        in.skipNewlines(false);
        Statement c = pipelineOrAssignment();
        in.skipNewlines(false);
        in.expect(TokenKind.RPAREN, "closing ')' after the " + keyword + " condition");
        return c;
    }

    private List<Statement> block(String what) {
        in.skipNewlines(false);
        Token open = in.peek();
        if (!open.is(TokenKind.LBRACE)) {
            throw in.error(open, "Missing statement block '{' after " + what + ".");
        }
        in.advance(open);
        List<Statement> body = statementList(TokenKind.RBRACE, open.start());
        Token close = in.peek();
        if (!close.is(TokenKind.RBRACE)) {
            throw in.lexer().incomplete(open.start(), "Missing closing '}' in statement block.");
        }
        in.advance(close);
        return body;
    }

    /** Looks past newlines for a continuation keyword (elseif, else, catch, finally, while, until). */
    private Token peekKeywordAfterNewlines(String... words) {
        int mark = in.mark();
        in.skipNewlines(false);
        Token t = in.peek(Mode.COMMAND);
        for (String w : words) {
            if (t.isWord(w)) {
                return t;
            }
        }
        in.reset(mark);
        return null;
    }

    /**
     * IfStatement :
     *      if ( Pipeline ) { StatementList } ( elseif ( Pipeline ) { StatementList } )* ( else { StatementList } )?
     */
    private Statement ifStatement() {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        List<Statement> conditions = new ArrayList<>();
        List<List<Statement>> bodies = new ArrayList<>();
        conditions.add(condition("if"));
        bodies.add(block("if (...)"));
        List<Statement> elseBody = null;
        while (true) {
            Token next = peekKeywordAfterNewlines("elseif", "else");
            if (next == null) {
                break;
            }
            in.advance(next);
            if (next.isWord("elseif")) {
                conditions.add(condition("elseif"));
                bodies.add(block("elseif (...)"));
            } else {
                elseBody = block("else");
                break;
            }
        }
        return new IfAst(conditions, bodies, elseBody, in.at(kw));
    }

    /**
     * ForEachStatement :
     *      foreach ( $variable in Pipeline ) { StatementList }
     */
    private Statement foreachStatement(String label) {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        in.expect(TokenKind.LPAREN, "'(' after foreach");
        in.skipNewlines(false);
        Token v = in.peek();
        if (!v.is(TokenKind.VARIABLE)) {
            throw in.error(v, "Missing variable name after foreach (.");
        }
        in.advance(v);
        Token inKw = in.peek();
        if (!inKw.isWord("in")) {
            throw in.error(inKw, "Missing 'in' after the variable in foreach.");
        }
        in.advance(inKw);
        in.skipNewlines(false);
        Statement collection = pipelineOrAssignment();
        in.skipNewlines(false);
        in.expect(TokenKind.RPAREN, "closing ')' in foreach");
        return new ForEachAst((String) v.value(), collection, block("foreach (...)"), label, in.at(kw));
    }

    /**
     * WhileStatement :
     *      while ( Pipeline ) { StatementList }
     */
    private Statement whileStatement(String label) {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        Statement c = condition("while");
        return new WhileAst(c, block("while (...)"), false, false, label, in.at(kw));
    }

    /**
     * DoStatement :
     *      do { StatementList } ( while | until ) ( Pipeline )
     */
    private Statement doStatement(String label) {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        List<Statement> body = block("do");
        Token w = peekKeywordAfterNewlines("while", "until");
        if (w == null) {
            throw in.error(in.peek(), "Missing 'while' or 'until' after the do block.");
        }
        in.advance(w);
        Statement c = condition(w.text());
        return new WhileAst(c, body, true, w.isWord("until"), label, in.at(kw));
    }

    /**
     * ForStatement :
     *      for ( Pipeline? ; Pipeline? ; Pipeline? ) { StatementList }
     */
    private Statement forStatement(String label) {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        in.expect(TokenKind.LPAREN, "'(' after for");
        Statement[] parts = new Statement[3];
        for (int i = 0; i < 3; i++) {
            in.skipNewlines(false);
            Token t = in.peek();
            if (!t.is(TokenKind.SEMI) && !t.is(TokenKind.RPAREN)) {
                parts[i] = pipelineOrAssignment();
                in.skipNewlines(false);
            }
            if (i < 2 && !in.accept(TokenKind.SEMI, Mode.EXPRESSION) && !in.peek().is(TokenKind.RPAREN)) {
                throw in.error(in.peek(), "Missing ';' in the for loop header.");
            }
        }
        in.expect(TokenKind.RPAREN, "closing ')' in the for loop header");
        return new ForAst(parts[0], parts[1], parts[2], block("for (...)"), label, in.at(kw));
    }

    /**
     * SwitchStatement :
     *      switch ( -Wildcard | -Regex | -CaseSensitive | -Exact )* ( Pipeline ) { ( Pattern { StatementList } )+ }
     * Pattern :
     *      default | bare word | string | number | $variable | ( ) | { condition }
     */
    private Statement switchStatement(String label) {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        boolean wildcard = false;
        boolean regex = false;
        boolean cs = false;
        Token f = in.peek(Mode.COMMAND);
        while (f.is(TokenKind.PARAMETER)) {
            String flag = f.stringValue().toLowerCase(Locale.ROOT);
            switch (flag) {
                case "wildcard" -> wildcard = true;
                case "regex" -> regex = true;
                case "casesensitive" -> cs = true;
                case "exact" -> {
                    wildcard = false;
                    regex = false;
                }
                default -> throw in.error(f, "Unsupported switch option '-" + f.stringValue() + "'.");
            }
            in.advance(f);
            f = in.peek(Mode.COMMAND);
        }
        Statement value = condition("switch");
        in.skipNewlines(false);
        Token open = in.expect(TokenKind.LBRACE, "'{' after switch (...)");
        List<Expression> patterns = new ArrayList<>();
        List<List<Statement>> bodies = new ArrayList<>();
        List<Statement> defaultBody = null;
        while (true) {
            in.skipNewlines(true);
            Token p = in.peek(Mode.COMMAND);
            if (p.is(TokenKind.RBRACE)) {
                in.advance(p);
                break;
            }
            if (p.is(TokenKind.EOF)) {
                throw in.lexer().incomplete(open.start(), "Missing closing '}' in switch statement.");
            }
            if (p.isWord("default")) {
                in.advance(p);
                defaultBody = block("default");
                continue;
            }
            Expression pattern = commands.commandArgumentValue();
            patterns.add(pattern);
            bodies.add(block("the switch condition"));
        }
        return new SwitchAst(value, wildcard, regex, cs, patterns, bodies, defaultBody, label, in.at(kw));
    }

    /**
     * FunctionDefinition :
     *      ( function | filter ) Name ( ( ParameterList ) )? { ScriptBlockBody }
     * Its comment-based help is the block right above the keyword, else one inside the body.
     */
    private Statement functionDefinition() {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        CommentHelp before = new HelpComments(in.lexer()).beforeKeyword(kw.start());
        Token name = in.peek(Mode.COMMAND);
        if (!name.is(TokenKind.GENERIC)) {
            throw in.error(name, "Missing function name after '" + kw.text() + "'.");
        }
        in.advance(name);
        List<ParameterAst> params = null;
        if (in.accept(TokenKind.LPAREN, Mode.EXPRESSION)) {
            params = parameterList();
        }
        in.skipNewlines(false);
        Token open = in.expect(TokenKind.LBRACE, "'{' to start the body of function " + name.text());
        ScriptBlockAst body = scriptBlockBody(open.end(), TokenKind.RBRACE);
        in.expect(TokenKind.RBRACE, "closing '}' of function " + name.text());
        if (before != null) {
            body = new ScriptBlockAst(body.attributes(), body.parameters(), body.begin(), body.process(), body.end(),
                    body.text(), before, body.at());
        }
        if (params != null) {
            body = new ScriptBlockAst(body.attributes(), params, body.begin(), body.process(), body.end(),
                    body.text(), body.help(), body.at());
        }
        if (kw.isWord("filter")) {
            body = new ScriptBlockAst(body.attributes(), body.parameters(), body.begin(), body.end(), List.of(),
                    body.text(), body.help(), body.at());
        }
        return new FunctionAst((String) name.value(), body, in.at(kw));
    }

    /**
     * TryStatement :
     *      try { StatementList } ( catch ( [Type] ( , [Type] )* )? { StatementList } )* ( finally { StatementList } )?
     */
    private Statement tryStatement() {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        List<Statement> body = block("try");
        List<List<String>> types = new ArrayList<>();
        List<List<Statement>> catches = new ArrayList<>();
        List<Statement> fin = null;
        while (true) {
            Token c = peekKeywordAfterNewlines("catch", "finally");
            if (c == null) {
                break;
            }
            in.advance(c);
            if (c.isWord("finally")) {
                fin = block("finally");
                break;
            }
            List<String> ts = new ArrayList<>();
            while (in.peek().is(TokenKind.LBRACKET)) {
                in.advance(in.peek());
                ts.add(expressions.typeName());
                in.skipNewlines(false);
                if (!in.accept(TokenKind.COMMA, Mode.EXPRESSION)) {
                    break;
                }
                in.skipNewlines(false);
            }
            types.add(ts);
            catches.add(block("catch"));
        }
        if (catches.isEmpty() && fin == null) {
            throw in.error(in.peek(), "The Try statement is missing its Catch or Finally block.");
        }
        return new TryAst(body, types, catches, fin, in.at(kw));
    }

    /**
     * TrapStatement :
     *      trap ( [Type] )? { ScriptBlockBody }
     */
    private Statement trapStatement() {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        List<String> types = new ArrayList<>();
        in.skipNewlines(false);
        if (in.peek().is(TokenKind.LBRACKET)) {
            in.advance(in.peek());
            types.add(expressions.typeName());
            in.skipNewlines(false);
        }
        Token open = in.peek();
        if (!open.is(TokenKind.LBRACE)) {
            throw in.error(open, "Missing statement block '{' after trap.");
        }
        in.advance(open);
        ScriptBlockAst body = scriptBlockBody(open.end(), TokenKind.RBRACE);
        in.expect(TokenKind.RBRACE, "closing '}' of the trap block");
        return new TrapAst(types, body, in.at(kw));
    }

    /**
     * FlowStatement :
     *      ( break | continue ) Label?  |  ( return | exit | throw ) Pipeline?
     */
    private Statement flowStatement() {
        Token kw = in.advance(in.peek(Mode.COMMAND));
        String k = kw.text().toLowerCase(Locale.ROOT);
        Token next = in.peek(Mode.COMMAND);
        boolean hasValue = !(next.is(TokenKind.NEWLINE) || next.is(TokenKind.SEMI) || next.is(TokenKind.EOF)
                || next.is(TokenKind.RBRACE) || next.is(TokenKind.RPAREN) || next.is(TokenKind.PIPE)
                || next.is(TokenKind.AND_AND) || next.is(TokenKind.OR_OR));
        if (k.equals("break") || k.equals("continue")) {
            String label = null;
            if (hasValue && next.is(TokenKind.GENERIC)) {
                in.advance(next);
                label = next.text();
            }
            return new FlowAst(k, null, label, in.at(kw));
        }
        return new FlowAst(k, hasValue ? pipelineOrAssignment() : null, null, in.at(kw));
    }

    /**
     * PipelineOrAssignment :
     *      Expression AssignmentOperator Statement
     *      Expression ( , Expression )+ = Statement      (the last target takes the remainder)
     *      PipelineElement ( | NewLines? Command )*
     * PipelineElement :
     *      Command | Expression
     */
    Statement pipelineOrAssignment() {
        Token first = in.peek(Mode.COMMAND);
        List<Node> elements = new ArrayList<>();
        if (CommandParser.startsCommand(first)) {
            elements.add(commands.command());
        } else {
            Expression e = expressions.expression();
            Token op = in.peek();
            if (isAssignment(op)) {
                if (e instanceof ArrayLiteralAst list && !op.is(TokenKind.ASSIGN)) {
                    throw in.error(op, "The operator '" + op.text() + "' cannot assign to several variables at once; "
                            + "only '=' splits a value over '$a, $b'.");
                }
                if (!(e instanceof ArrayLiteralAst list ? list.elements().stream().allMatch(Parser::assignable) : assignable(e))) {
                    throw in.error(op, "The assignment expression is not valid. The input to an assignment "
                            + "operator must be an object that is able to accept assignments, such as a variable or a property.");
                }
                in.advance(op);
                in.skipNewlines(false);
                return new AssignmentAst(e, op.text(), assignmentValue(), in.at(first));
            }
            elements.add(e);
        }
        while (true) {
            Token t = in.peek(Mode.COMMAND);
            if (t.is(TokenKind.REDIRECT)) {
                elements.add(commands.redirection(t));
                continue;
            }
            if (!t.is(TokenKind.PIPE)) {
                break;
            }
            in.advance(t);
            in.skipNewlines(false);
            Token c = in.peek(Mode.COMMAND);
            if (!CommandParser.startsCommand(c) && !c.is(TokenKind.GENERIC)) {
                throw in.error(c, "Expressions are only allowed as the first element of a pipeline.");
            }
            elements.add(commands.command());
        }
        return new PipelineAst(elements, in.at(first));
    }

    /** The right side of '=': an if/switch/foreach/for/while statement used as a value, or a pipeline. */
    Statement assignmentValue() {
        Token t = in.peek(Mode.COMMAND);
        if (t.isWord("if") || t.isWord("switch") || (t.isWord("foreach") && followedByParen(t)) || t.isWord("for")
                || t.isWord("while") || t.isWord("do") || t.isWord("try")) {
            Statement s = statement();
            return new PipelineAst(List.of(new StatementExpressionAst(s, s.at())), s.at());
        }
        return pipelineOrAssignment();
    }

    /** A variable, property, index or {@code [type]$variable}: what may stand left of '='. */
    private static boolean assignable(Expression e) {
        return e instanceof VariableAst || e instanceof MemberAst || e instanceof IndexAst
                || e instanceof ConvertAst c && c.operand() instanceof VariableAst;
    }

    private static boolean isAssignment(Token t) {
        return switch (t.kind()) {
            case ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, STAR_ASSIGN, SLASH_ASSIGN, PERCENT_ASSIGN -> true;
            default -> false;
        };
    }

    /** The script block after '{' (used by primary()); consumes the closing '}'. */
    ScriptBlockAst closeBlock(ScriptBlockAst body) {
        in.expect(TokenKind.RBRACE, "closing '}' of the script block");
        return body;
    }
}
