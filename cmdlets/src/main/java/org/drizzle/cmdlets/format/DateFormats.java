package org.drizzle.cmdlets.format;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/**
 * .NET date and time format strings (Get-Date -Format, ToString('yyyy-MM-dd'), -f {0:...})
 * translated to java.time patterns: the standard one-letter formats (d, D, t, T, g, G, s, u,
 * o) and the custom specifiers (yyyy, MM, dd, ddd, HH, hh, mm, ss, fff, tt, zzz, K), with
 * quoted literals and backslash escapes.
 */
public final class DateFormats {
    private static final Map<String, String> STANDARD = Map.of(
            "d", "M/d/yyyy", "D", "EEEE, MMMM d, yyyy", "t", "h:mm a", "T", "h:mm:ss a",
            "g", "M/d/yyyy h:mm a", "G", "M/d/yyyy h:mm:ss a", "s", "yyyy-MM-dd'T'HH:mm:ss",
            "u", "yyyy-MM-dd HH:mm:ss'Z'", "o", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX", "O", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX");
    private static final Map<String, String> CUSTOM = Map.ofEntries(
            Map.entry("yyyy", "yyyy"), Map.entry("yyy", "yyyy"), Map.entry("yy", "yy"), Map.entry("y", "y"),
            Map.entry("MMMM", "MMMM"), Map.entry("MMM", "MMM"), Map.entry("MM", "MM"), Map.entry("M", "M"),
            Map.entry("dddd", "EEEE"), Map.entry("ddd", "EEE"), Map.entry("dd", "dd"), Map.entry("d", "d"),
            Map.entry("HH", "HH"), Map.entry("H", "H"), Map.entry("hh", "hh"), Map.entry("h", "h"),
            Map.entry("mm", "mm"), Map.entry("m", "m"), Map.entry("ss", "ss"), Map.entry("s", "s"),
            Map.entry("fffffff", "SSSSSSS"), Map.entry("ffffff", "SSSSSS"), Map.entry("fffff", "SSSSS"),
            Map.entry("ffff", "SSSS"), Map.entry("fff", "SSS"), Map.entry("ff", "SS"), Map.entry("f", "S"),
            Map.entry("tt", "a"), Map.entry("t", "a"), Map.entry("zzz", "xxx"), Map.entry("zz", "x"),
            Map.entry("z", "x"), Map.entry("K", "XXX"));

    private DateFormats() {
    }

    /** Formats {@code t} with a .NET format string. */
    public static String format(TemporalAccessor t, String dotNet) {
        return DateTimeFormatter.ofPattern(toJava(dotNet), Locale.US).format(t);
    }

    /** The java.time pattern for a .NET format string. */
    public static String toJava(String f) {
        String std = f.length() == 1 ? STANDARD.get(f) : null;
        if (std != null) {
            return std;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (c == '\\' && i + 1 < f.length()) {
                literal(out, String.valueOf(f.charAt(i + 1)));
                i += 2;
            } else if (c == '\'' || c == '"') {
                int end = f.indexOf(c, i + 1);
                end = end < 0 ? f.length() : end;
                literal(out, f.substring(i + 1, end));
                i = end + 1;
            } else if (c == '%' && i + 1 < f.length()) {
                i++;
            } else if ("yMdHhmsftzK".indexOf(c) >= 0) {
                int j = i;
                while (j < f.length() && f.charAt(j) == c) {
                    j++;
                }
                String run = f.substring(i, j);
                String mapped = CUSTOM.get(run);
                out.append(mapped != null ? mapped : run.replace(String.valueOf(c), CUSTOM.getOrDefault(String.valueOf(c), "")));
                i = j;
            } else if (Character.isLetter(c)) {
                literal(out, String.valueOf(c));
                i++;
            } else {
                out.append(c == '\'' ? "''" : String.valueOf(c));
                i++;
            }
        }
        return out.toString();
    }

    private static void literal(StringBuilder out, String text) {
        if (!text.isEmpty()) {
            out.append('\'').append(text.replace("'", "''")).append('\'');
        }
    }
}
