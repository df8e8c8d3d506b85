package org.drizzle.host.lex;

/** Where something is in a script: file name (or "<command>"), 1-based line and column. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
