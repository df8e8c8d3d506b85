package org.drizzle.cmdlets.dotnet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * [DateTime] (System.DateTime) over {@link OffsetDateTime}, the value type the rest of Drizzle
 * already uses for times (Get-Date, BitsJob.CreationTime): Now, UtcNow, Today, Parse, ParseExact
 * with .NET format strings (via {@link DateFormats}), constructors and casts.
 */
final class DateTimeType {
    private DateTimeType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(TypeAdapter.builder("System.DateTime")
                .property("Now", OffsetDateTime::now)
                .property("UtcNow", () -> OffsetDateTime.now(ZoneOffset.UTC))
                .property("Today", () -> LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime())
                .constant("MinValue", LocalDateTime.of(1, 1, 1, 0, 0).atOffset(ZoneOffset.UTC))
                .constant("MaxValue", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900).atOffset(ZoneOffset.UTC))
                .method("Parse", 1, a -> parse(a.get(0)))
                .method("Parse", 2, a -> parse(a.get(0)))
                .method("ParseExact", 2, a -> parseExact(str(a.get(0)), a.get(1)))
                .method("ParseExact", 3, a -> parseExact(str(a.get(0)), a.get(1)))
                .method("ParseExact", 4, a -> parseExact(str(a.get(0)), a.get(1)))
                .method("IsLeapYear", 1, a -> java.time.Year.isLeap(LanguagePrimitives.toInt(a.get(0))))
                .method("DaysInMonth", 2, a -> java.time.YearMonth.of(LanguagePrimitives.toInt(a.get(0)),
                        LanguagePrimitives.toInt(a.get(1))).lengthOfMonth())
                .method("SpecifyKind", 2, a -> specifyKind(parse(a.get(0)), str(a.get(1))))
                .constructor(3, a -> local(a, 3))
                .constructor(6, a -> local(a, 6))
                .constructor(7, a -> local(a, 7))
                .instances(v -> v instanceof OffsetDateTime || v instanceof java.time.ZonedDateTime
                        || v instanceof LocalDateTime || v instanceof java.time.Instant)
                .converter(v -> v == null ? null : parse(v))
                .build());
    }

    private static String str(Object v) {
        return LanguagePrimitives.toStr(v);
    }

    private static OffsetDateTime parse(Object v) {
        try {
            return LanguagePrimitives.toDateTime(v);
        } catch (RuntimeException e) {
            throw new DotNetException("FormatException", "String '" + str(v) + "' was not recognized as a valid DateTime.");
        }
    }

    /** Keeps the clock reading and reinterprets it as UTC ("Utc") or local time ("Local", "Unspecified"). */
    private static OffsetDateTime specifyKind(OffsetDateTime d, String kind) {
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "utc" -> d.toLocalDateTime().atOffset(ZoneOffset.UTC);
            case "local", "unspecified" -> d.toLocalDateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime();
            default -> throw new DotNetException("InvalidCastParseTargetInvocation", "'" + kind
                    + "' is not a DateTimeKind; valid values are: Unspecified, Utc, Local.");
        };
    }

    private static OffsetDateTime local(List<Object> a, int n) {
        int[] f = new int[7];
        for (int i = 0; i < n; i++) {
            f[i] = LanguagePrimitives.toInt(a.get(i));
        }
        try {
            return LocalDateTime.of(f[0], f[1], f[2], f[3], f[4], f[5], f[6] * 1_000_000)
                    .atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (java.time.DateTimeException e) {
            throw new DotNetException("ArgumentOutOfRange", "Year, Month, and Day parameters describe an un-representable DateTime.");
        }
    }

    /** ParseExact with one format or an array of them (the first that fits wins); missing fields default as .NET. */
    static OffsetDateTime parseExact(String s, Object formats) {
        for (Object f : LanguagePrimitives.toList(formats)) {
            try {
                TemporalAccessor t = DateTimeFormatter.ofPattern(DateFormats.toJava(str(f)), Locale.US).parse(s.trim());
                return assemble(t);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // try the next format
            }
        }
        throw new DotNetException("FormatException", "String '" + s + "' was not recognized as a valid DateTime"
                + " for format '" + str(formats) + "'.");
    }

    private static OffsetDateTime assemble(TemporalAccessor t) {
        LocalDate date = t.isSupported(ChronoField.YEAR) || t.isSupported(ChronoField.YEAR_OF_ERA)
                ? LocalDate.of(t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR) : t.get(ChronoField.YEAR_OF_ERA),
                        t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1,
                        t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1)
                : LocalDate.now();
        LocalTime time = LocalTime.of(field(t, ChronoField.HOUR_OF_DAY, ChronoField.CLOCK_HOUR_OF_AMPM),
                t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
                t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0,
                t.isSupported(ChronoField.NANO_OF_SECOND) ? t.get(ChronoField.NANO_OF_SECOND) : 0);
        LocalDateTime ldt = LocalDateTime.of(date, time);
        return t.isSupported(ChronoField.OFFSET_SECONDS)
                ? ldt.atOffset(ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS)))
                : ldt.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    private static int field(TemporalAccessor t, ChronoField hour, ChronoField ampmHour) {
        if (t.isSupported(hour)) {
            return t.get(hour);
        }
        if (t.isSupported(ampmHour)) {
            int h = t.get(ampmHour) % 12;
            return t.isSupported(ChronoField.AMPM_OF_DAY) ? h + 12 * t.get(ChronoField.AMPM_OF_DAY) : h;
        }
        return 0;
    }
}
