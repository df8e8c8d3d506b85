package org.drizzle.cmdlets.lang;

import java.util.regex.Pattern;

/**
 * PowerShell's wildcard matching for -like and -Name filters: {@code *} any run, {@code ?} one
 * character, {@code [abc]}/{@code [a-z]} a set, and a backtick escapes the next character.
 * The whole text must match; case is ignored unless asked otherwise.
 */
public final class WildcardPattern {
    private final String text;
    private final Pattern regex;

    private WildcardPattern(String text, boolean caseSensitive) {
        this.text = text;
        this.regex = Pattern.compile(toRegex(text), Pattern.DOTALL
                | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    public static WildcardPattern of(String pattern, boolean caseSensitive) {
        return new WildcardPattern(pattern, caseSensitive);
    }

    public static WildcardPattern of(String pattern) {
        return new WildcardPattern(pattern, false);
    }

    /** True when the pattern has a wildcard character, so Get-BitsTransfer -Name can tell filter from exact name. */
    public static boolean containsWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '`') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    public boolean matches(String input) {
        return regex.matcher(input == null ? "" : input).matches();
    }

    public String pattern() {
        return text;
    }

    private static String toRegex(String p) {
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (c) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                case '`' -> {
                    if (i + 1 < p.length()) {
                        r.append(Pattern.quote(String.valueOf(p.charAt(++i))));
                    }
                }
                case '[' -> {
                    int close = p.indexOf(']', i + 1);
                    if (close < 0) {
                        r.append("\\[");
                    } else {
                        r.append('[').append(setBody(p.substring(i + 1, close))).append(']');
                        i = close;
                    }
                }
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }

    /** Escapes everything in a [set] except the range dash, so "[.^]" stays literal. */
    private static String setBody(String body) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > 0 && i < body.length() - 1) {
                b.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                b.append(c);
            } else {
                b.append('\\').append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
