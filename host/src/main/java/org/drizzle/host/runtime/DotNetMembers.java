package org.drizzle.host.runtime;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.job.Names;

/**
 * Instance members PowerShell scripts read on .NET values that are Java types here:
 * DateTime (AddSeconds, ToString('yyyy-MM-dd'), Year...), TimeSpan (TotalSeconds...),
 * Uri (Host, Segments...), Stopwatch, and ToString() of enums (their PowerShell spelling).
 */
final class DotNetMembers {
    /** "Not one of these": fall back to general member access. */
    static final Object NONE = new Object();

    private DotNetMembers() {
    }

    static Object property(Object target, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (target instanceof Temporal) {
            OffsetDateTime d = LanguagePrimitives.toDateTime(target);
            return switch (n) {
                case "year" -> d.getYear();
                case "month" -> d.getMonthValue();
                case "day" -> d.getDayOfMonth();
                case "hour" -> d.getHour();
                case "minute" -> d.getMinute();
                case "second" -> d.getSecond();
                case "millisecond" -> d.getNano() / 1_000_000;
                case "dayofweek" -> Names.pascal(d.getDayOfWeek().name());
                case "dayofyear" -> d.getDayOfYear();
                case "date" -> d.truncatedTo(ChronoUnit.DAYS);
                case "ticks" -> d.toInstant().toEpochMilli() * 10_000L + 621_355_968_000_000_000L;
                default -> NONE;
            };
        }
        if (target instanceof Duration d) {
            return switch (n) {
                case "totalseconds" -> d.toNanos() / 1e9;
                case "totalmilliseconds" -> d.toNanos() / 1e6;
                case "totalminutes" -> d.toNanos() / 6e10;
                case "totalhours" -> d.toNanos() / 3.6e12;
                case "totaldays" -> d.toNanos() / 8.64e13;
                case "days" -> (int) d.toDays();
                case "hours" -> d.toHoursPart();
                case "minutes" -> d.toMinutesPart();
                case "seconds" -> d.toSecondsPart();
                case "milliseconds" -> d.toMillisPart();
                case "ticks" -> d.toNanos() / 100;
                default -> NONE;
            };
        }
        if (target instanceof URI u) {
            return switch (n) {
                case "host" -> u.getHost();
                case "scheme" -> u.getScheme();
                case "port" -> u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
                case "absoluteuri", "originalstring" -> u.toString();
                case "absolutepath", "localpath" -> u.getPath();
                case "query" -> u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
                case "segments" -> segments(u.getPath());
                default -> NONE;
            };
        }
        if (target instanceof Stopwatch s) {
            return switch (n) {
                case "elapsed" -> s.elapsed();
                case "elapsedmilliseconds" -> s.elapsed().toMillis();
                case "isrunning" -> s.isRunning();
                default -> NONE;
            };
        }
        return NONE;
    }

    private static List<Object> segments(String path) {
        List<Object> out = new java.util.ArrayList<>();
        out.add("/");
        String[] parts = path.split("/");
        for (int i = 1; i < parts.length; i++) {
            out.add(parts[i] + (i < parts.length - 1 || path.endsWith("/") ? "/" : ""));
        }
        return out;
    }

    static Object method(Object target, String name, List<Object> args) {
        String n = name.toLowerCase(Locale.ROOT);
        if (target instanceof Temporal) {
            OffsetDateTime d = LanguagePrimitives.toDateTime(target);
            double amount = args.isEmpty() ? 0 : LanguagePrimitives.toDouble(args.get(0));
            switch (n) {
                case "addseconds": return d.plusNanos((long) (amount * 1e9));
                case "addmilliseconds": return d.plusNanos((long) (amount * 1e6));
                case "addminutes": return d.plusNanos((long) (amount * 6e10));
                case "addhours": return d.plusNanos((long) (amount * 3.6e12));
                case "adddays": return d.plusNanos((long) (amount * 8.64e13));
                case "addmonths": return d.plusMonths((long) amount);
                case "addyears": return d.plusYears((long) amount);
                case "add": return d.plus(TypeResolver.toTimeSpan(args.get(0)));
                case "subtract":
                    return args.get(0) instanceof Duration ds ? d.minus(ds)
                            : Duration.between(LanguagePrimitives.toDateTime(args.get(0)), d);
                case "tostring":
                    return args.isEmpty() ? LanguagePrimitives.toStr(target) : FormatOperator.value(d, LanguagePrimitives.toStr(args.get(0)));
                case "touniversaltime": return d.withOffsetSameInstant(java.time.ZoneOffset.UTC);
                case "tolocaltime": return d.atZoneSameInstant(java.time.ZoneId.systemDefault()).toOffsetDateTime();
                case "tofiletime": return d.toInstant().toEpochMilli() * 10_000L + 116_444_736_000_000_000L;
                default: return NONE;
            }
        }
        if (target instanceof Duration d) {
            if (n.equals("tostring")) {
                return args.isEmpty() ? LanguagePrimitives.toStr(d) : FormatOperator.timeSpan(d, LanguagePrimitives.toStr(args.get(0)));
            }
            if (n.equals("add")) {
                return d.plus(TypeResolver.toTimeSpan(args.get(0)));
            }
            return NONE;
        }
        if (target instanceof Stopwatch s) {
            switch (n) {
                case "stop": s.stop(); return null;
                case "start": s.start(); return null;
                case "restart": s.restart(); return null;
                case "reset": s.reset(); return null;
                default: return NONE;
            }
        }
        if (n.equals("tostring") && !args.isEmpty() && target instanceof Number) {
            return FormatOperator.value(target, LanguagePrimitives.toStr(args.get(0)));
        }
        return NONE;
    }
}
