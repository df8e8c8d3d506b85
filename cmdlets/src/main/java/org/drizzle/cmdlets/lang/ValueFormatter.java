package org.drizzle.cmdlets.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.drizzle.engine.job.Names;

/**
 * Renders one value as PowerShell prints a scalar (en-US): True/False, 1.5 and 3 (no ".0"),
 * enum constants in PascalCase, dates as {@code 11/24/2026 1:09:25 PM}, TimeSpans as
 * {@code 01:02:03}, GUIDs lower-case.
 */
public final class ValueFormatter {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private ValueFormatter() {
    }

    public static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return formatDouble(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Enum<?> e) {
            return Names.pascal(e.name());
        }
        if (v instanceof Instant i) {
            return DATE_TIME.format(i.atZone(ZoneId.systemDefault()));
        }
        if (v instanceof OffsetDateTime o) {
            return DATE_TIME.format(o.atZoneSameInstant(ZoneId.systemDefault()));
        }
        if (v instanceof ZonedDateTime z) {
            return DATE_TIME.format(z);
        }
        if (v instanceof java.time.LocalDateTime l) {
            return DATE_TIME.format(l);
        }
        if (v instanceof Duration d) {
            return formatTimeSpan(d);
        }
        if (v instanceof Throwable t) {
            return Members.typeName(t) + ": " + t.getMessage();
        }
        return v.toString();
    }

    /** .NET's shortest round-trip form: 3 for 3.0, 0.1, 1E+20 for 1e20, NaN, Infinity. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = bd.precision() - bd.scale() - 1;
        if (exponent >= 15 || exponent < -5) {
            String mantissa = bd.movePointLeft(exponent).toPlainString();
            return mantissa + "E" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        return bd.toPlainString();
    }

    /** TimeSpan's default: [-][d.]hh:mm:ss[.fffffff]. */
    public static String formatTimeSpan(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        StringBuilder b = new StringBuilder(negative ? "-" : "");
        if (a.toDays() > 0) {
            b.append(a.toDays()).append('.');
        }
        b.append(String.format("%02d:%02d:%02d", a.toHoursPart(), a.toMinutesPart(), a.toSecondsPart()));
        if (a.getNano() != 0) {
            b.append(String.format(".%07d", a.getNano() / 100));
        }
        return b.toString();
    }
}
