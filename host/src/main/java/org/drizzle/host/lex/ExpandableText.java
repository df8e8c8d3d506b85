package org.drizzle.host.lex;

/** The raw body of a double-quoted string or here-string and where it starts, for the parser to expand. */
public record ExpandableText(String body, int offset) {

    @Override
    public String toString() {
        return body;
    }
}
