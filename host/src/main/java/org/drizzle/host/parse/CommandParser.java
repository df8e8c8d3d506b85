package org.drizzle.host.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drizzle.host.ast.ArrayLiteralAst;
import org.drizzle.host.ast.CommandAst;
import org.drizzle.host.ast.CommandParameterAst;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.ExpandableStringAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.Node;
import org.drizzle.host.ast.ScriptBlockExpressionAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.lex.ExpandableText;
import org.drizzle.host.lex.Lexer.Mode;
import org.drizzle.host.lex.Token;
import org.drizzle.host.lex.TokenKind;

/**
 * The command half of the parser: a command's name and its arguments in command mode
 * (bare words, {@code -Name}, {@code -Name:value}, splats, adjacent pieces joined into one
 * string) and redirections.
 */
final class CommandParser {
    private final TokenStream in;
    private final ExpressionParser expressions;
    private final Parser statements;

    CommandParser(TokenStream in, ExpressionParser expressions, Parser statements) {
        this.in = in;
        this.expressions = expressions;
        this.statements = statements;
    }

    /** A bare word that names a command (not a keyword, number or operator) starts a command. */
    static boolean startsCommand(Token t) {
        if (t.is(TokenKind.AMP)) {
            return true;
        }
        if (t.is(TokenKind.DOT) && t.text().equals(".")) {
            return true;
        }
        if (!t.is(TokenKind.GENERIC) || Parser.KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT))) {
            return false;
        }
        String s = t.text();
        char c = s.charAt(0);
        return Character.isLetter(c) || c == '_' || c == '/' || c == '\\' || c == '~'
                || c == '.' && s.length() > 1 && (s.charAt(1) == '/' || s.charAt(1) == '\\');
    }

    /**
     * Command :
     *      ( CommandName | &amp; Primary | . Primary ) CommandElement*
     * CommandElement :
     *      -Name | -Name: Argument | @splat | Argument
     */
    CommandAst command() {
        Token first = in.peek(Mode.COMMAND);
        Expression name;
        boolean invoked = false;
        if (first.is(TokenKind.AMP) || first.is(TokenKind.DOT)) {
            in.advance(first);
            invoked = true;
            name = commandArgumentValue();
        } else {
            in.advance(first);
            name = new ConstantAst(first.value(), in.at(first));
        }
        List<Node> args = new ArrayList<>();
        while (true) {
            Token t = in.peek(Mode.COMMAND);
            switch (t.kind()) {
                case NEWLINE, SEMI, EOF, PIPE, AND_AND, OR_OR, RPAREN, RBRACE, REDIRECT -> {
                    return new CommandAst(name, args, invoked, in.at(first));
                }
                case PARAMETER -> {
                    in.advance(t);
                    if (t.text().endsWith(":")) {
                        args.add(new CommandParameterAst(t.stringValue(), commandArgument(), true, in.at(t)));
                    } else {
                        args.add(new CommandParameterAst(t.stringValue(), null, false, in.at(t)));
                    }
                }
                case SPLAT -> {
                    in.advance(t);
                    args.add(new VariableAst((String) t.value(), true, in.at(t)));
                }
                default -> args.add(commandArgument());
            }
        }
    }

    /**
     * Argument :
     *      ArgumentValue ( , NewLines? ArgumentValue )*
     */
    private Expression commandArgument() {
        Token first = in.peek(Mode.COMMAND);
        Expression v = commandArgumentValue();
        if (!in.peek(Mode.COMMAND).is(TokenKind.COMMA)) {
            return v;
        }
        List<Expression> items = new ArrayList<>();
        items.add(v);
        while (in.accept(TokenKind.COMMA, Mode.COMMAND)) {
            in.skipNewlines(false);
            items.add(commandArgumentValue());
        }
        return new ArrayLiteralAst(items, in.at(first));
    }

    /**
     * ArgumentValue :
     *      BareWord | Number | Postfix  -- adjacent pieces with no space between join into one string
     */
    /** The characters that open a quoted string (straight and typographic). */
    private static final String OPEN_QUOTES = "\"'@\u201c\u201d\u201e\u2018\u2019\u201a\u201b";

    Expression commandArgumentValue() {
        Expression v = argumentPiece();
        List<Object> parts = null;
        while (true) {
            Token t = in.peek(Mode.COMMAND);
            boolean joins = !t.spaceBefore() && (t.is(TokenKind.GENERIC) || t.is(TokenKind.VARIABLE)
                    || t.is(TokenKind.STRING) || t.is(TokenKind.EXPANDABLE_STRING) || t.is(TokenKind.NUMBER)
                    || t.is(TokenKind.DOLLAR_PAREN));
            if (!joins) {
                break;
            }
            if (parts == null) {
                parts = new ArrayList<>();
                parts.add(v);
            }
            parts.add(argumentPiece());
        }
        return parts == null ? v : new ExpandableStringAst(parts, v.at());
    }

    private Expression argumentPiece() {
        Token t = in.peek(Mode.COMMAND);
        switch (t.kind()) {
            case GENERIC -> {
                in.advance(t);
                return new ConstantAst(t.value(), in.at(t));
            }
            case NUMBER -> {
                in.advance(t);
                return new ConstantAst(t.value(), in.at(t));
            }
            case EXPANDABLE_STRING -> {
                if (OPEN_QUOTES.indexOf(t.text().charAt(0)) >= 0) {
                    return expressions.unary();
                }
                // a bare word with $name or $( ) inside: expands as a double-quoted string would
                in.advance(t);
                return new StringExpander(in.lexer(), statements).expand((ExpandableText) t.value(), false, in.at(t));
            }
            case PARAMETER -> {
                in.advance(t);
                return new ConstantAst(t.text(), in.at(t));
            }
            case DOT -> {
                // a lone '.' as an argument is the current folder (Get-ChildItem -Path .), not dot-sourcing
                in.advance(t);
                return new ConstantAst(".", in.at(t));
            }
            case LBRACE -> {
                in.advance(t);
                Expression sb = new ScriptBlockExpressionAst(statements.scriptBlockBody(t.end(), TokenKind.RBRACE), in.at(t));
                in.expect(TokenKind.RBRACE, "closing '}' of the script block");
                return sb;
            }
            default -> {
                return expressions.unary();
            }
        }
    }

    /**
     * {@code > file}, {@code >> file}, {@code 1> file}: Out-File. Streams 2 to 6 and {@code *}
     * ({@code 3>$null}, {@code 2>&1}, {@code *> log.txt}, {@code 4>> v.log}): a marker the
     * pipeline reads (stream, merge|file|append, target).
     */
    Node redirection(Token t) {
        in.advance(t);
        String op = t.text();
        char stream = Character.isDigit(op.charAt(0)) || op.charAt(0) == '*' ? op.charAt(0) : '1';
        boolean append = op.endsWith(">>");
        if (op.endsWith("&1")) {
            return new CommandAst(new ConstantAst("__Redirect", in.at(t)), List.of(new ConstantAst(String.valueOf(stream), in.at(t)),
                    new ConstantAst("merge", in.at(t))), false, in.at(t));
        }
        Expression target = commandArgumentValue();
        if (stream == '1') {
            List<Node> args = new ArrayList<>();
            args.add(new CommandParameterAst("FilePath", target, true, in.at(t)));
            if (append) {
                args.add(new CommandParameterAst("Append", null, false, in.at(t)));
            }
            return new CommandAst(new ConstantAst("Out-File", in.at(t)), args, false, in.at(t));
        }
        return new CommandAst(new ConstantAst("__Redirect", in.at(t)), List.of(new ConstantAst(String.valueOf(stream), in.at(t)),
                new ConstantAst(append ? "append" : "file", in.at(t)), target), false, in.at(t));
    }
}
