package org.drizzle.host.parse;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.host.ast.ConstantAst;
import org.drizzle.host.ast.Expression;
import org.drizzle.host.ast.ExpandableStringAst;
import org.drizzle.host.ast.Statement;
import org.drizzle.host.ast.SubExpressionAst;
import org.drizzle.host.ast.VariableAst;
import org.drizzle.host.lex.ExpandableText;
import org.drizzle.host.lex.Lexer;
import org.drizzle.host.lex.Lexer.Mode;
import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.Token;
import org.drizzle.host.lex.TokenKind;

/**
 * Splits a double-quoted string into literal text and embedded values, as PowerShell expands
 * it: {@code $name}, {@code ${name}}, {@code $env:NAME} and {@code $( statements )}; a property
 * after a variable is NOT expanded ({@code "$file.txt"} is the value then ".txt"), so write
 * {@code "$($job.JobState)"}. Backtick escapes ({@code `n `t `0 `$ `"}) and {@code ""} decode here.
 */
final class StringExpander {
    private final Lexer lexer;
    private final Parser statements;

    StringExpander(Lexer lexer, Parser statements) {
        this.lexer = lexer;
        this.statements = statements;
    }

    Expression expand(ExpandableText text, boolean hereString, SourcePosition at) {
        String body = text.body();
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '`' && i + 1 < body.length()) {
                literal.append(escape(body.charAt(i + 1)));
                i += 2;
            } else if (!hereString && (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u201E')
                    && i + 1 < body.length()) {
                literal.append(c);
                i += 2;
            } else if (c == '$' && i + 1 < body.length()) {
                int abs = text.offset() + i;
                Token t = lexer.next(abs, Mode.EXPRESSION);
                if (t.is(TokenKind.DOLLAR_PAREN)) {
                    flush(literal, parts);
                    TokenStream sub = new TokenStream(lexer, t.end());
                    Parser p = statements.child(sub);
                    List<Statement> body2 = p.statementList(TokenKind.RPAREN);
                    sub.expect(TokenKind.RPAREN, "closing ')' of the subexpression");
                    parts.add(new SubExpressionAst(body2, false, sub.at(t)));
                    i = sub.mark() - text.offset();
                } else if (t.is(TokenKind.VARIABLE) && t.start() == abs) {
                    flush(literal, parts);
                    parts.add(new VariableAst((String) t.value(), false, new SourcePosition(lexer.file(), t.line(), t.column())));
                    i = t.end() - text.offset();
                } else {
                    literal.append(c);
                    i++;
                }
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, parts);
        if (parts.isEmpty()) {
            return new ConstantAst("", at);
        }
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return new ConstantAst(s, at);
        }
        return new ExpandableStringAst(parts, at);
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    /** PowerShell's backtick escapes; any other character stands for itself. */
    static char escape(char c) {
        return switch (c) {
            case '0' -> '\0';
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'e' -> '\u001B';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000B';
            default -> c;
        };
    }
}
