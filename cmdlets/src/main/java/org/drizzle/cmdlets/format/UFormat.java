package org.drizzle.cmdlets.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;

/** Get-Date -UFormat: the Unix strftime specifiers PowerShell 7 documents (%Y%m%d, %s, %A, %V ...). */
public final class UFormat {
    private UFormat() {
    }

    /** Formats {@code t}; an unknown specifier is kept as written, as PowerShell does. */
    public static String format(OffsetDateTime t, String pattern) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                b.append(c);
                continue;
            }
            char s = pattern.charAt(++i);
            String v = spec(t, s);
            b.append(v == null ? "%" + s : v);
        }
        return b.toString();
    }

    private static String spec(OffsetDateTime t, char s) {
        Locale l = Locale.US;
        return switch (s) {
            case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, l);
            case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, l);
            case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, l);
            case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, l);
            case 'C' -> two(t.getYear() / 100);
            case 'c' -> t.format(DateTimeFormatter.ofPattern("EEE MMM ", l)) + pad(t.getDayOfMonth()) + " "
                    + t.format(DateTimeFormatter.ofPattern("HH:mm:ss yyyy", l));
            case 'D' -> t.format(DateTimeFormatter.ofPattern("MM/dd/yy", l));
            case 'd' -> two(t.getDayOfMonth());
            case 'e' -> pad(t.getDayOfMonth());
            case 'F' -> t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd", l));
            case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'H' -> two(t.getHour());
            case 'I' -> two(hour12(t));
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'k' -> pad(t.getHour());
            case 'l' -> pad(hour12(t));
            case 'M' -> two(t.getMinute());
            case 'm' -> two(t.getMonthValue());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'R' -> t.format(DateTimeFormatter.ofPattern("HH:mm", l));
            case 'r' -> t.format(DateTimeFormatter.ofPattern("hh:mm:ss a", l));
            case 'S' -> two(t.getSecond());
            case 's' -> String.valueOf(t.toEpochSecond());
            case 'T', 'X' -> t.format(DateTimeFormatter.ofPattern("HH:mm:ss", l));
            case 't' -> "\t";
            case 'U' -> two(t.get(WeekFields.SUNDAY_START.weekOfYear()));
            case 'u' -> String.valueOf(t.getDayOfWeek().getValue());
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'W' -> two(t.get(WeekFields.of(java.time.DayOfWeek.MONDAY, 7).weekOfYear()));
            case 'w' -> String.valueOf(t.getDayOfWeek().getValue() % 7);
            case 'x' -> t.format(DateTimeFormatter.ofPattern("MM/dd/yy", l));
            case 'Y' -> String.valueOf(t.getYear());
            case 'y' -> two(t.getYear() % 100);
            case 'Z' -> t.format(DateTimeFormatter.ofPattern("xxx", l)).substring(0, 3);
            case '%' -> "%";
            default -> null;
        };
    }

    private static int hour12(OffsetDateTime t) {
        return t.get(ChronoField.CLOCK_HOUR_OF_AMPM);
    }

    private static String two(int v) {
        return String.format("%02d", v);
    }

    private static String pad(int v) {
        return String.format("%2d", v);
    }
}
