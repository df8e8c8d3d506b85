package org.drizzle.cmdlets.dotnet;

import java.time.Duration;

/**
 * TimeSpan.ToString(format): the standard formats "c", "g", "G" and custom formats built from
 * d..dddddddd, h/hh, m/mm, s/ss, f..fffffff, F..FFFFFFF, with {@code \} escapes and quoted
 * literals ({@code mm\:ss}, {@code hh\:mm\:ss}, {@code d\.hh\:mm}). As in .NET, custom formats
 * print no sign and any other character is an error.
 */
public final class TimeSpanFormat {
    private TimeSpanFormat() {
    }

    /** The constant ("c") form, TimeSpan.ToString(): {@code [-][d.]hh:mm:ss[.fffffff]}. */
    public static String constant(Duration d) {
        Duration a = d.abs();
        StringBuilder b = new StringBuilder(d.isNegative() ? "-" : "");
        if (a.toDays() > 0) {
            b.append(a.toDays()).append('.');
        }
        b.append(String.format("%02d:%02d:%02d", a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart()));
        long ticks = a.toNanosPart() / TimeSpanType.NANOS_PER_TICK;
        if (ticks > 0) {
            b.append('.').append(String.format("%07d", ticks));
        }
        return b.toString();
    }

    public static String format(Duration d, String format) {
        if (format == null || format.isEmpty() || format.equals("c") || format.equals("t") || format.equals("T")) {
            return constant(d);
        }
        Duration a = d.abs();
        long ticks = a.toNanosPart() / TimeSpanType.NANOS_PER_TICK;
        if (format.equals("g") || format.equals("G")) {
            boolean full = format.equals("G");
            StringBuilder b = new StringBuilder(d.isNegative() ? "-" : "");
            if (full || a.toDays() > 0) {
                b.append(a.toDays()).append(':');
            }
            b.append(full ? String.format("%02d", a.toHoursPart()) : String.valueOf(a.toHoursPart()));
            b.append(String.format(":%02d:%02d", a.toMinutesPart(), a.toSecondsPart()));
            if (full) {
                b.append('.').append(String.format("%07d", ticks));
            } else if (ticks > 0) {
                b.append('.').append(String.format("%07d", ticks).replaceAll("0+$", ""));
            }
            return b.toString();
        }
        return custom(a, ticks, format);
    }

    private static String custom(Duration a, long ticks, String f) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            int run = 1;
            while (i + run < f.length() && f.charAt(i + run) == c && "dhmsfF".indexOf(c) >= 0) {
                run++;
            }
            switch (c) {
                case 'd' -> out.append(pad(a.toDays(), run, 8, f));
                case 'h' -> out.append(pad(a.toHoursPart(), run, 2, f));
                case 'm' -> out.append(pad(a.toMinutesPart(), run, 2, f));
                case 's' -> out.append(pad(a.toSecondsPart(), run, 2, f));
                case 'f', 'F' -> out.append(fraction(ticks, run, c == 'F', f));
                case '\\' -> {
                    if (i + 1 >= f.length()) {
                        throw invalid(f);
                    }
                    out.append(f.charAt(i + 1));
                    run = 2;
                }
                case '\'', '"' -> {
                    int end = f.indexOf(c, i + 1);
                    if (end < 0) {
                        throw invalid(f);
                    }
                    out.append(f, i + 1, end);
                    run = end - i + 1;
                }
                case '%' -> run = 1;
                default -> throw invalid(f);
            }
            i += run;
        }
        return out.toString();
    }

    private static String pad(long value, int run, int max, String f) {
        if (run > max) {
            throw invalid(f);
        }
        String s = Long.toString(value);
        return s.length() >= run ? s : "0".repeat(run - s.length()) + s;
    }

    private static String fraction(long ticks, int run, boolean trim, String f) {
        if (run > 7) {
            throw invalid(f);
        }
        String s = String.format("%07d", ticks).substring(0, run);
        if (trim) {
            s = s.replaceAll("0+$", "");
        }
        return s;
    }

    private static DotNetException invalid(String f) {
        return new DotNetException("FormatException", "Input string was not in a correct format: '" + f
                + "' is not a valid TimeSpan format (escape literal characters, as in mm\\:ss).");
    }
}
