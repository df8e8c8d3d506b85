package org.drizzle.cmdlets.dotnet;

import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * .NET composite formatting, behind PowerShell's {@code -f} operator and {@code [string]::Format}:
 * items {@code {index[,alignment][:format]}}, {@code {{} and {@code }}} for literal braces, an
 * index may repeat, a negative alignment pads on the right. Numbers, dates and TimeSpans take
 * their own format strings ({@code {0:N2}}, {@code {0:yyyy-MM-dd}}, {@code {0:mm\:ss}}).
 */
public final class CompositeFormat {
    private CompositeFormat() {
    }

    /** {@code "fmt" -f args}: a FormatException (DotNetException) names what is wrong with the format. */
    /** The -f operator: a collection on the right is the argument list; $null (or one value) is one argument. */
    public static String formatOperator(Object format, Object args) {
        List<Object> list = args == null ? java.util.Collections.singletonList(null) : LanguagePrimitives.toList(args);
        return format(LanguagePrimitives.toStr(format), list);
    }

    public static String format(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '}') {
                if (i + 1 < n && format.charAt(i + 1) == '}') {
                    out.append('}');
                    i += 2;
                    continue;
                }
                throw malformed(format, i);
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && format.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
                continue;
            }
            i = item(format, i + 1, args, out);
        }
        return out.toString();
    }

    /** Formats one item starting after its '{'; returns the index after its '}'. */
    private static int item(String f, int start, List<Object> args, StringBuilder out) {
        int i = start;
        int n = f.length();
        while (i < n && f.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < n && Character.isDigit(f.charAt(i))) {
            i++;
        }
        if (i == digits) {
            throw malformed(f, start - 1);
        }
        int index = Integer.parseInt(f.substring(digits, i));
        while (i < n && f.charAt(i) == ' ') {
            i++;
        }
        int alignment = 0;
        if (i < n && f.charAt(i) == ',') {
            int a = ++i;
            while (i < n && (f.charAt(i) == ' ' || f.charAt(i) == '-' || Character.isDigit(f.charAt(i)))) {
                i++;
            }
            try {
                alignment = Integer.parseInt(f.substring(a, i).trim());
            } catch (NumberFormatException e) {
                throw malformed(f, start - 1);
            }
        }
        String spec = null;
        if (i < n && f.charAt(i) == ':') {
            StringBuilder s = new StringBuilder();
            i++;
            while (i < n && f.charAt(i) != '}') {
                if (f.charAt(i) == '{') {
                    throw malformed(f, i);
                }
                s.append(f.charAt(i++));
            }
            spec = s.toString();
        }
        if (i >= n || f.charAt(i) != '}') {
            throw malformed(f, start - 1);
        }
        if (index >= args.size()) {
            throw new DotNetException("FormatException", "Error formatting a string: Index (zero based) must be greater than or "
                    + "equal to zero and less than the size of the argument list. (\"" + f + "\" uses {" + index + "} but "
                    + args.size() + " argument(s) were given.)");
        }
        String text = formatValue(args.get(index), spec);
        int pad = Math.abs(alignment) - text.length();
        if (pad > 0 && alignment > 0) {
            out.append(" ".repeat(pad));
        }
        out.append(text);
        if (pad > 0 && alignment < 0) {
            out.append(" ".repeat(pad));
        }
        return i + 1;
    }

    /** One value with an optional format string (the part after ':' in an item). */
    public static String formatValue(Object value, String spec) {
        if (value == null) {
            return "";
        }
        if (spec == null || spec.isEmpty()) {
            return value instanceof Duration d ? TimeSpanFormat.constant(d) : LanguagePrimitives.toStr(value);
        }
        if (value instanceof Number num) {
            return NumberFormat.format(num, spec);
        }
        if (value instanceof Duration d) {
            return TimeSpanFormat.format(d, spec);
        }
        if (value instanceof TemporalAccessor t) {
            return DateFormats.format(t, spec);
        }
        if (value instanceof java.util.UUID u) {
            return GuidFormat.format(u, spec);
        }
        return LanguagePrimitives.toStr(value);
    }

    private static DotNetException malformed(String f, int at) {
        return new DotNetException("FormatException", "Error formatting a string: Input string was not in a correct format. "
                + "(at position " + at + " of \"" + f + "\"; write {{ and }} for literal braces)");
    }
}
