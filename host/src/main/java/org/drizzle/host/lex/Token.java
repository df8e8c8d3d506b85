package org.drizzle.host.lex;

/**
 * One token: its kind, source text, decoded value (a variable's name, a string's content, a
 * number, a parameter's name, an operator's case prefix), where it is, and whether white space
 * preceded it (which separates {@code $a.b} from {@code $a .b} and {@code -Name:v} from {@code -Name :v}).
 */
public record Token(TokenKind kind, String text, Object value, int start, int end, int line, int column,
                    boolean spaceBefore) {

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** True for a bare word (either mode) spelled {@code word}, ignoring case: keywords. */
    public boolean isWord(String word) {
        return (kind == TokenKind.IDENT || kind == TokenKind.GENERIC) && text.equalsIgnoreCase(word);
    }

    public String stringValue() {
        return value == null ? text : value.toString();
    }

    @Override
    public String toString() {
        return kind + "'" + text + "'@" + line + ":" + column;
    }
}
