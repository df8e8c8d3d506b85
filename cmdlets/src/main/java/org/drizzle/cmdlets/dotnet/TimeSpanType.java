package org.drizzle.cmdlets.dotnet;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** [TimeSpan] (System.TimeSpan) over {@link Duration}: factories, constants, Parse and casts. */
final class TimeSpanType {
    /** .NET ticks are 100 ns. */
    static final long NANOS_PER_TICK = 100;
    private static final Pattern TEXT = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d{1,7}))?)?");

    private TimeSpanType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(TypeAdapter.builder("System.TimeSpan")
                .constant("Zero", Duration.ZERO)
                .constant("MaxValue", ofTicks(Long.MAX_VALUE))
                .constant("MinValue", ofTicks(Long.MIN_VALUE))
                .constant("TicksPerMillisecond", 10_000L).constant("TicksPerSecond", 10_000_000L)
                .method("FromMilliseconds", 1, a -> from(a.get(0), 1e6))
                .method("FromSeconds", 1, a -> from(a.get(0), 1e9))
                .method("FromMinutes", 1, a -> from(a.get(0), 60e9))
                .method("FromHours", 1, a -> from(a.get(0), 3600e9))
                .method("FromDays", 1, a -> from(a.get(0), 86400e9))
                .method("FromTicks", 1, a -> ofTicks(LanguagePrimitives.toLong(a.get(0))))
                .method("Parse", 1, a -> parse(LanguagePrimitives.toStr(a.get(0))))
                .constructor(1, a -> ofTicks(LanguagePrimitives.toLong(a.get(0))))
                .constructor(3, a -> of(0, a.get(0), a.get(1), a.get(2), 0))
                .constructor(4, a -> of(a.get(0), a.get(1), a.get(2), a.get(3), 0))
                .constructor(5, a -> of(a.get(0), a.get(1), a.get(2), a.get(3), a.get(4)))
                .instances(Duration.class::isInstance)
                .converter(TimeSpanType::convert)
                .build());
    }

    static Duration ofTicks(long ticks) {
        return Duration.ofSeconds(ticks / 10_000_000L, (ticks % 10_000_000L) * NANOS_PER_TICK);
    }

    /** .NET rounds From*(double) to the nearest millisecond only in old frameworks; .NET Core keeps ticks. */
    private static Duration from(Object value, double nanosPerUnit) {
        double v = LanguagePrimitives.toDouble(value);
        if (Double.isNaN(v) || Math.abs(v * nanosPerUnit / NANOS_PER_TICK) > 9.2e18) {
            throw new DotNetException("Overflow", "TimeSpan overflowed because the duration is too long.");
        }
        long ticks = Math.round(v * nanosPerUnit / NANOS_PER_TICK);
        return ofTicks(ticks);
    }

    private static Duration of(Object days, Object hours, Object minutes, Object seconds, Object millis) {
        return Duration.ofDays(LanguagePrimitives.toLong(days)).plusHours(LanguagePrimitives.toLong(hours))
                .plusMinutes(LanguagePrimitives.toLong(minutes)).plusSeconds(LanguagePrimitives.toLong(seconds))
                .plusMillis(LanguagePrimitives.toLong(millis));
    }

    /** TimeSpan.Parse: {@code [-][d.]hh:mm[:ss[.fffffff]]} or a whole number of days. */
    static Duration parse(String s) {
        String t = s.trim();
        if (t.matches("-?\\d+")) {
            return Duration.ofDays(Long.parseLong(t));
        }
        Matcher m = TEXT.matcher(t);
        if (!m.matches() || Integer.parseInt(m.group(3)) > 23 || Integer.parseInt(m.group(4)) > 59
                || (m.group(5) != null && Integer.parseInt(m.group(5)) > 59)) {
            throw new DotNetException("FormatException", "String '" + s + "' was not recognized as a valid TimeSpan.");
        }
        Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusHours(Long.parseLong(m.group(3))).plusMinutes(Long.parseLong(m.group(4)))
                .plusSeconds(m.group(5) == null ? 0 : Long.parseLong(m.group(5)));
        if (m.group(6) != null) {
            d = d.plusNanos(Long.parseLong((m.group(6) + "000000000").substring(0, 9)));
        }
        return m.group(1) != null ? d.negated() : d;
    }

    /** [timespan]$x: a TimeSpan, its text, or a number of ticks (as PowerShell casts integers). */
    static Duration convert(Object v) {
        if (v == null || v instanceof Duration) {
            return (Duration) v;
        }
        if (v instanceof Number n) {
            return ofTicks(n.longValue());
        }
        return parse(LanguagePrimitives.toStr(v));
    }
}
