package org.drizzle.host.lex;

/**
 * A lexical or syntax error. Its message shows file:line:column, the offending line and a
 * caret under the column, as an admin needs to fix the script:
 * <pre>
 * script.ps1:3:12: Missing closing '}' in statement block.
 *     if ($x) { Write-Host 1
 *                ^
 * </pre>
 */
public class ParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SourcePosition position;
    private final String reason;
    private final boolean incomplete;

    public ParseException(SourcePosition position, String reason, String sourceLine, boolean incomplete) {
        super(position + ": " + reason + (sourceLine == null ? "" : System.lineSeparator() + "    " + sourceLine
                + System.lineSeparator() + "    " + " ".repeat(Math.max(0, position.column() - 1)) + "^"));
        this.position = position;
        this.reason = reason;
        this.incomplete = incomplete;
    }

    public SourcePosition position() {
        return position;
    }

    public String reason() {
        return reason;
    }

    /** True when the input simply ended too early (an unclosed block or string): the REPL asks for more. */
    public boolean isIncomplete() {
        return incomplete;
    }
}
