package org.drizzle.cmdlets.dotnet;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** DateTime instance members on {@link OffsetDateTime}: parts, Add*, Subtract, ToString(format), conversions. */
final class DateTimeMembers {
    static final Object NONE = new Object();
    /** Ticks between 0001-01-01 and 1970-01-01. */
    private static final long EPOCH_TICKS = 621_355_968_000_000_000L;

    private DateTimeMembers() {
    }

    static Object property(OffsetDateTime d, String n) {
        return switch (n) {
            case "year" -> d.getYear();
            case "month" -> d.getMonthValue();
            case "day" -> d.getDayOfMonth();
            case "hour" -> d.getHour();
            case "minute" -> d.getMinute();
            case "second" -> d.getSecond();
            case "millisecond" -> d.getNano() / 1_000_000;
            case "dayofweek" -> d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
            case "dayofyear" -> d.getDayOfYear();
            case "date" -> d.truncatedTo(ChronoUnit.DAYS);
            case "timeofday" -> Duration.between(d.truncatedTo(ChronoUnit.DAYS), d);
            case "ticks" -> ticks(d);
            case "kind" -> d.getOffset().equals(ZoneOffset.UTC) ? "Utc" : "Local";
            case "displayhint" -> hint(d);
            default -> NONE;
        };
    }

    /** Get-Date's note property; other dates have none ($null), as in PowerShell. */
    private static Object hint(OffsetDateTime d) {
        String h = org.drizzle.cmdlets.lang.DisplayHints.of(d);
        return h == null ? NONE : h;
    }

    private static long ticks(OffsetDateTime d) {
        java.time.LocalDateTime l = d.toLocalDateTime();
        long seconds = l.toEpochSecond(ZoneOffset.UTC);
        return EPOCH_TICKS + seconds * 10_000_000L + l.getNano() / 100;
    }

    static Object invoke(OffsetDateTime d, String n, String name, List<Object> a) {
        switch (n) {
            case "addticks":
                return d.plusNanos(LanguagePrimitives.toLong(a.get(0)) * 100);
            case "addmilliseconds":
                return plus(d, a.get(0), 1e6);
            case "addseconds":
                return plus(d, a.get(0), 1e9);
            case "addminutes":
                return plus(d, a.get(0), 60e9);
            case "addhours":
                return plus(d, a.get(0), 3600e9);
            case "adddays":
                return plus(d, a.get(0), 86400e9);
            case "addmonths":
                return d.plusMonths(LanguagePrimitives.toInt(a.get(0)));
            case "addyears":
                return d.plusYears(LanguagePrimitives.toInt(a.get(0)));
            case "add":
                return d.plus(TimeSpanType.convert(a.get(0)));
            case "subtract":
                return subtract(d, a.get(0));
            case "tostring":
                return a.isEmpty() ? LanguagePrimitives.toStr(d) : DateFormats.format(d, LanguagePrimitives.toStr(a.get(0)));
            case "toshortdatestring":
                return DateFormats.format(d, "d");
            case "toshorttimestring":
                return DateFormats.format(d, "t");
            case "tolongdatestring":
                return DateFormats.format(d, "D");
            case "tolongtimestring":
                return DateFormats.format(d, "T");
            case "touniversaltime":
                return d.withOffsetSameInstant(ZoneOffset.UTC);
            case "tolocaltime":
                return d.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
            case "tofiletime", "tofiletimeutc":
                return (ticks(d.withOffsetSameInstant(ZoneOffset.UTC)) - 504_911_232_000_000_000L);
            case "compareto":
                return Integer.signum(d.toInstant().compareTo(LanguagePrimitives.toDateTime(a.get(0)).toInstant()));
            case "equals":
                return d.toInstant().equals(LanguagePrimitives.toDateTime(a.get(0)).toInstant());
            case "gettype":
                return new org.drizzle.cmdlets.lang.RuntimeType("System.DateTime");
            default:
                throw InstanceMembers.noMethod("System.DateTime", name);
        }
    }

    /** Fractional units become ticks (100 ns), as .NET's Add* do. */
    private static OffsetDateTime plus(OffsetDateTime d, Object amount, double nanosPerUnit) {
        double v = LanguagePrimitives.toDouble(amount);
        return d.plusNanos(Math.round(v * nanosPerUnit / 100) * 100);
    }

    /** Subtract(DateTime) gives the TimeSpan between; Subtract(TimeSpan) gives an earlier DateTime. */
    private static Object subtract(OffsetDateTime d, Object other) {
        if (other instanceof Duration span) {
            return d.minus(span);
        }
        return Duration.between(LanguagePrimitives.toDateTime(other), d);
    }
}
