package org.drizzle.cmdlets.dotnet;

import java.time.Duration;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** TimeSpan instance members on {@link Duration}: parts (signed as in .NET), Total*, arithmetic, ToString(format). */
final class TimeSpanMembers {
    static final Object NONE = new Object();

    private TimeSpanMembers() {
    }

    static Object property(Duration d, String n) {
        double nanos = d.getSeconds() * 1e9 + d.getNano();
        return switch (n) {
            case "days" -> (int) (d.toDays());
            case "hours" -> d.toHoursPart();
            case "minutes" -> d.toMinutesPart();
            case "seconds" -> d.toSecondsPart();
            case "milliseconds" -> d.toMillisPart();
            case "ticks" -> d.getSeconds() * 10_000_000L + d.getNano() / 100;
            case "totaldays" -> nanos / 86400e9;
            case "totalhours" -> nanos / 3600e9;
            case "totalminutes" -> nanos / 60e9;
            case "totalseconds" -> nanos / 1e9;
            case "totalmilliseconds" -> nanos / 1e6;
            default -> NONE;
        };
    }

    static Object invoke(Duration d, String n, String name, List<Object> a) {
        return switch (n) {
            case "add" -> d.plus(TimeSpanType.convert(a.get(0)));
            case "subtract" -> d.minus(TimeSpanType.convert(a.get(0)));
            case "negate" -> d.negated();
            case "duration" -> d.abs();
            case "tostring" -> a.isEmpty() ? TimeSpanFormat.constant(d) : TimeSpanFormat.format(d, LanguagePrimitives.toStr(a.get(0)));
            case "compareto" -> Integer.signum(d.compareTo(TimeSpanType.convert(a.get(0))));
            case "equals" -> d.equals(TimeSpanType.convert(a.get(0)));
            case "gettype" -> new org.drizzle.cmdlets.lang.RuntimeType("System.TimeSpan");
            default -> throw InstanceMembers.noMethod("System.TimeSpan", name);
        };
    }
}
