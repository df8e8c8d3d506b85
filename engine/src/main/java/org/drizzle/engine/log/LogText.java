package org.drizzle.engine.log;

/**
 * The one escaping rule for text from users or the network (display names, descriptions, URLs,
 * file names, notify program output, servers' error texts) before it goes into a log line: the
 * service log, syslog/journald fields, the Windows event log.
 *
 * <p>Every character that could end a line, start a fake one or hide text becomes a visible
 * escape: {@code \n}, {@code \r}, {@code \t}; other C0 controls, DEL and C1 controls as
 * {@code \xHH}; Unicode line and paragraph separators, format characters (bidi overrides,
 * zero-width spaces, BOM), unpaired surrogates, private-use and unassigned code points as
 * {@code \\uHHHH}. Everything else, backslashes included (Windows paths stay readable), is kept,
 * so a log line holds exactly one line whatever a user names a job.
 */
public final class LogText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogText() {
    }

    /** {@code value} as text that is safe inside one log line ("null" for null). */
    public static String of(Object value) {
        String s = String.valueOf(value);
        int i = 0;
        while (i < s.length() && !escaped(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!escaped(cp)) {
                out.appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp < 0x100) {
                out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        }
        return out.toString();
    }

    /** An exception as {@code Type: message}, escaped (its message often quotes user input). */
    public static String of(Throwable e) {
        return e == null ? "null" : of((Object) e.toString());
    }

    private static boolean escaped(int cp) {
        if (cp >= 0x20 && cp < 0x7F) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
