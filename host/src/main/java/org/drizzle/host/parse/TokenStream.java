package org.drizzle.host.parse;

import org.drizzle.host.lex.Lexer;
import org.drizzle.host.lex.Lexer.Mode;
import org.drizzle.host.lex.ParseException;
import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.lex.Token;
import org.drizzle.host.lex.TokenKind;

/**
 * The parser's cursor over the source: an offset plus the lexer, so looking ahead in either
 * lexing mode and backtracking are just reading and resetting an int.
 */
final class TokenStream {
    private final Lexer lexer;
    private int pos;

    TokenStream(Lexer lexer, int start) {
        this.lexer = lexer;
        this.pos = start;
    }

    Lexer lexer() {
        return lexer;
    }

    int mark() {
        return pos;
    }

    void reset(int mark) {
        pos = mark;
    }

    Token peek(Mode mode) {
        return lexer.next(pos, mode);
    }

    Token peek() {
        return peek(Mode.EXPRESSION);
    }

    Token advance(Token t) {
        pos = t.end();
        return t;
    }

    /** Consumes the next token if it is {@code kind}. */
    boolean accept(TokenKind kind, Mode mode) {
        Token t = peek(mode);
        if (t.is(kind)) {
            advance(t);
            return true;
        }
        return false;
    }

    Token expect(TokenKind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw t.is(TokenKind.EOF) ? lexer.incomplete(t.start(), "Missing " + what + ".")
                    : lexer.error(t.start(), "Missing " + what + "; found '" + t.text().trim() + "'.");
        }
        return advance(t);
    }

    /** Skips newlines (and semicolons when {@code semis}). */
    void skipNewlines(boolean semis) {
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.NEWLINE) || semis && t.is(TokenKind.SEMI)) {
                advance(t);
            } else {
                return;
            }
        }
    }

    SourcePosition at(Token t) {
        return new SourcePosition(lexer.file(), t.line(), t.column());
    }

    ParseException error(Token t, String reason) {
        return t.is(TokenKind.EOF) ? lexer.incomplete(t.start(), reason) : lexer.error(t.start(), reason);
    }

    ParseException unexpected(Token t) {
        if (t.is(TokenKind.EOF)) {
            return lexer.incomplete(t.start(), "Unexpected end of input.");
        }
        return lexer.error(t.start(), "Unexpected token '" + t.text().trim() + "' in expression or statement.");
    }
}
