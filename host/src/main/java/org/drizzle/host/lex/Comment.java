package org.drizzle.host.lex;

import java.util.List;

/**
 * A comment the lexer skipped: {@code <# ... #>} or one {@code # ...} line, with its offsets, so
 * the parser can find comment-based help next to functions, scripts and parameters.
 *
 * @param start  offset of {@code <#} or {@code #}
 * @param end    offset just after {@code #>} or the line's last character
 * @param block  true for {@code <# #>}, false for a {@code #} line comment
 * @param source the whole script text the offsets point into
 */
public record Comment(int start, int end, boolean block, String source) {
    /**
     * The comment's lines as help reads them: a block's text between {@code <#} and {@code #>}
     * split at line breaks; a line comment without its leading {@code #} characters (writing
     * {@code ##} is common).
     */
    public List<String> lines() {
        if (block) {
            return List.of(source.substring(start + 2, end - 2).split("\\r\\n|\\r|\\n", -1));
        }
        int from = start;
        while (from < end && source.charAt(from) == '#') {
            from++;
        }
        return List.of(source.substring(from, end));
    }
}
