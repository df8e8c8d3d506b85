package org.drizzle.host.runtime;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The {@code -f} operator: .NET composite formatting in the invariant/en-US culture.
 * {@code {index[,alignment][:format]}} with N/F/D/X/P/C/E/G numeric formats, custom
 * date formats ({@code yyyy-MM-dd}) and TimeSpan formats ({@code mm\:ss}); {@code {{}} escapes.
 */
final class FormatOperator {
    private FormatOperator() {
    }

    static String format(String template, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
                out.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("Error formatting a string: Input string was not in a correct format.");
                }
                out.append(item(template.substring(i + 1, end), args));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String item(String spec, List<Object> args) {
        String fmt = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            fmt = spec.substring(colon + 1);
            spec = spec.substring(0, colon);
        }
        int align = 0;
        int comma = spec.indexOf(',');
        if (comma >= 0) {
            align = Integer.parseInt(spec.substring(comma + 1).trim());
            spec = spec.substring(0, comma);
        }
        int index;
        try {
            index = Integer.parseInt(spec.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Error formatting a string: Input string was not in a correct format.");
        }
        if (index >= args.size()) {
            throw new IllegalArgumentException("Error formatting a string: Index (zero based) must be greater than or "
                    + "equal to zero and less than the size of the argument list.");
        }
        String text = value(args.get(index), fmt);
        if (align > 0 && text.length() < align) {
            return " ".repeat(align - text.length()) + text;
        }
        if (align < 0 && text.length() < -align) {
            return text + " ".repeat(-align - text.length());
        }
        return text;
    }

    static String value(Object v, String fmt) {
        if (fmt == null || fmt.isEmpty()) {
            return LanguagePrimitives.toStr(v);
        }
        if (v instanceof Temporal) {
            return DateTimeFormatter.ofPattern(dotNetDatePattern(fmt), Locale.US).format(LanguagePrimitives.toDateTime(v));
        }
        if (v instanceof Duration d) {
            return timeSpan(d, fmt);
        }
        if (v instanceof Number || v instanceof String s && LanguagePrimitives.parseNumber(s) != null && isStandard(fmt)) {
            return number(LanguagePrimitives.toNumber(v), fmt);
        }
        return LanguagePrimitives.toStr(v);
    }

    private static boolean isStandard(String fmt) {
        return fmt.matches("[NnFfDdXxPpCcEeGg]\\d*");
    }

    private static String number(Number n, String fmt) {
        char kind = Character.toUpperCase(fmt.charAt(0));
        String digits = fmt.length() > 1 && isStandard(fmt) ? fmt.substring(1) : "";
        DecimalFormatSymbols us = DecimalFormatSymbols.getInstance(Locale.US);
        if (!isStandard(fmt)) {
            DecimalFormat df = new DecimalFormat(fmt, us);
            df.setRoundingMode(RoundingMode.HALF_UP);
            return df.format(n);
        }
        switch (kind) {
            case 'N', 'F', 'C', 'P': {
                int places = digits.isEmpty() ? 2 : Integer.parseInt(digits);
                BigDecimal d = new BigDecimal(n.toString());
                if (kind == 'P') {
                    d = d.multiply(BigDecimal.valueOf(100));
                }
                d = d.setScale(places, RoundingMode.HALF_UP);
                String pattern = (kind == 'F' ? "0" : "#,##0") + (places > 0 ? "." + "0".repeat(places) : "");
                DecimalFormat df = new DecimalFormat(pattern, us);
                String s = df.format(d);
                return kind == 'P' ? s + " %" : kind == 'C' ? "$" + s : s;
            }
            case 'D': {
                long l = LanguagePrimitives.toLong(n);
                String s = Long.toString(Math.abs(l));
                int width = digits.isEmpty() ? 0 : Integer.parseInt(digits);
                s = "0".repeat(Math.max(0, width - s.length())) + s;
                return l < 0 ? "-" + s : s;
            }
            case 'X': {
                String s = Long.toHexString(LanguagePrimitives.toLong(n));
                s = Character.isUpperCase(fmt.charAt(0)) ? s.toUpperCase(Locale.ROOT) : s;
                int width = digits.isEmpty() ? 0 : Integer.parseInt(digits);
                return "0".repeat(Math.max(0, width - s.length())) + s;
            }
            case 'E': {
                int places = digits.isEmpty() ? 6 : Integer.parseInt(digits);
                String s = String.format(Locale.US, "%." + places + "e", n.doubleValue());
                s = s.replaceFirst("e([+-])(\\d)$", "e$10$2").replaceFirst("e([+-])(\\d\\d)$", "e$10$2");
                return Character.isUpperCase(fmt.charAt(0)) ? s.toUpperCase(Locale.ROOT) : s;
            }
            default:
                return LanguagePrimitives.toStr(n);
        }
    }

    /** .NET custom date format to java.time: tt is the AM/PM designator, fff fractions, dddd the day name. */
    static String dotNetDatePattern(String fmt) {
        if (fmt.length() == 1) {
            return switch (fmt) {
                case "d" -> "M/d/yyyy";
                case "D" -> "EEEE, MMMM d, yyyy";
                case "t" -> "h:mm a";
                case "T" -> "h:mm:ss a";
                case "s" -> "yyyy-MM-dd'T'HH:mm:ss";
                case "u" -> "yyyy-MM-dd HH:mm:ss'Z'";
                case "o", "O" -> "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSxxx";
                case "g" -> "M/d/yyyy h:mm a";
                case "G" -> "M/d/yyyy h:mm:ss a";
                default -> fmt;
            };
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '\\' && i + 1 < fmt.length()) {
                b.append('\'').append(fmt.charAt(++i)).append('\'');
            } else if (c == 't') {
                b.append('a');
                while (i + 1 < fmt.length() && fmt.charAt(i + 1) == 't') {
                    i++;
                }
            } else if (c == 'f') {
                b.append('S');
            } else if (c == 'd' && fmt.startsWith("ddd", i)) {
                int n = 0;
                while (i < fmt.length() && fmt.charAt(i) == 'd') {
                    n++;
                    i++;
                }
                i--;
                b.append(n >= 4 ? "EEEE" : "EEE");
            } else if (c == 'z') {
                b.append("xxx");
                while (i + 1 < fmt.length() && fmt.charAt(i + 1) == 'z') {
                    i++;
                }
            } else if (c == 'K') {
                b.append("xxx");
            } else if (Character.isLetter(c) && "yMdHhmsa".indexOf(c) < 0) {
                b.append('\'').append(c).append('\'');
            } else if (c == '\'') {
                int end = fmt.indexOf('\'', i + 1);
                b.append(fmt, i, end < 0 ? fmt.length() : end + 1);
                i = end < 0 ? fmt.length() : end;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** TimeSpan custom formats: d, hh, mm, ss, fff with backslash-escaped separators; "c"/"g" standard. */
    static String timeSpan(Duration d, String fmt) {
        if (fmt.equals("c") || fmt.equals("g") || fmt.equals("G")) {
            return org.drizzle.cmdlets.lang.ValueFormatter.formatTimeSpan(d);
        }
        Duration a = d.abs();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            int n = 1;
            while (i + 1 < fmt.length() && fmt.charAt(i + 1) == c && c != '\\') {
                n++;
                i++;
            }
            switch (c) {
                case '\\' -> {
                    if (i + 1 < fmt.length()) {
                        b.append(fmt.charAt(++i));
                    }
                }
                case 'd' -> b.append(pad(a.toDays(), n));
                case 'h' -> b.append(pad(a.toHoursPart(), n));
                case 'm' -> b.append(pad(a.toMinutesPart(), n));
                case 's' -> b.append(pad(a.toSecondsPart(), n));
                case 'f', 'F' -> b.append(String.format("%09d", a.getNano()), 0, Math.min(9, n));
                default -> b.append(String.valueOf(c).repeat(n));
            }
        }
        return b.toString();
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
