package org.drizzle.host.runtime;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.lang.ConversionException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Priority;

/**
 * Static members of the curated .NET types admin scripts use: [math], [int]/[long]/[uint64]
 * limits, [string], [guid], [datetime], [timespan], [System.IO.Path], [Environment], [regex],
 * [System.Diagnostics.Stopwatch], [System.Net.ServicePointManager] (accepted, no effect) and the
 * BitsTransfer enums. Anything else is an error naming the type and member.
 */
final class StaticMembers {
    private StaticMembers() {
    }

    static Object get(ScriptRuntime rt, String type, String member) {
        String t = TypeResolver.normalise(type);
        String m = member.toLowerCase(Locale.ROOT);
        switch (t) {
            case "int", "int32":
                return m.equals("maxvalue") ? Integer.MAX_VALUE : m.equals("minvalue") ? Integer.MIN_VALUE : fail(type, member);
            case "long", "int64":
                return m.equals("maxvalue") ? Long.MAX_VALUE : m.equals("minvalue") ? Long.MIN_VALUE : fail(type, member);
            case "uint64", "ulong":
                return m.equals("maxvalue") ? new BigInteger("18446744073709551615") : m.equals("minvalue") ? BigInteger.ZERO : fail(type, member);
            case "double":
                return m.equals("maxvalue") ? Double.MAX_VALUE : m.equals("nan") ? Double.NaN : fail(type, member);
            case "math":
                return m.equals("pi") ? Math.PI : m.equals("e") ? Math.E : fail(type, member);
            case "string":
                return m.equals("empty") ? "" : fail(type, member);
            case "guid":
                return m.equals("empty") ? new UUID(0, 0) : fail(type, member);
            case "datetime":
                return switch (m) {
                    case "now" -> OffsetDateTime.now();
                    case "utcnow" -> OffsetDateTime.now(ZoneOffset.UTC);
                    case "today" -> OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                    default -> fail(type, member);
                };
            case "timespan":
                return m.equals("zero") ? Duration.ZERO : fail(type, member);
            case "environment":
                return switch (m) {
                    case "newline" -> System.lineSeparator();
                    case "machinename" -> hostName();
                    case "username" -> System.getProperty("user.name");
                    case "is64bitoperatingsystem", "is64bitprocess" -> System.getProperty("os.arch").contains("64");
                    case "processorcount" -> Runtime.getRuntime().availableProcessors();
                    case "currentdirectory" -> rt.session().location().toString();
                    case "osversion" -> System.getProperty("os.name") + " " + System.getProperty("os.version");
                    default -> fail(type, member);
                };
            case "io.path":
                return switch (m) {
                    case "directoryseparatorchar" -> java.io.File.separator;
                    case "pathseparator" -> java.io.File.pathSeparator;
                    default -> fail(type, member);
                };
            case "net.servicepointmanager":
                return m.equals("securityprotocol") ? "Tls12, Tls13" : fail(type, member);
            case "net.securityprotocoltype":
                return member;
            case "bitsjobstate":
                return LanguagePrimitives.toEnum(JobState.class, member);
            case "bitsjobtype":
                return LanguagePrimitives.toEnum(JobType.class, member);
            case "bitsjobpriority", "jobpriority":
                return LanguagePrimitives.toEnum(Priority.class, member);
            default:
                return fail(type, member);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
    }

    private static Object fail(String type, String member) {
        throw new IllegalArgumentException("The member '" + member + "' of [" + type + "] is not supported by Drizzle.");
    }

    private static Object arg(List<Object> args, int i) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("Cannot find an overload with " + args.size() + " argument(s).");
        }
        return args.get(i);
    }

    private static String s(List<Object> args, int i) {
        return LanguagePrimitives.toStr(arg(args, i));
    }

    private static double d(List<Object> args, int i) {
        return LanguagePrimitives.toDouble(arg(args, i));
    }

    static Object call(ScriptRuntime rt, String type, String member, List<Object> args) {
        String t = TypeResolver.normalise(type);
        String m = member.toLowerCase(Locale.ROOT);
        if (m.equals("new")) {
            return NewObject.create(rt, type, args);
        }
        switch (t) {
            case "math":
                return math(m, args, type, member);
            case "string":
                switch (m) {
                    case "isnullorempty": return args.get(0) == null || s(args, 0).isEmpty();
                    case "isnullorwhitespace": return args.get(0) == null || s(args, 0).isBlank();
                    case "join": {
                        List<Object> items = args.size() == 2 ? LanguagePrimitives.toList(args.get(1)) : args.subList(1, args.size());
                        return Operators.join(items, s(args, 0));
                    }
                    case "format": return FormatOperator.format(s(args, 0), args.size() == 2
                            ? LanguagePrimitives.toList(args.get(1)) : new ArrayList<>(args.subList(1, args.size())));
                    case "concat": return rt.concat(args.toArray());
                    default: return fail(type, member);
                }
            case "guid":
                if (m.equals("newguid")) {
                    return UUID.randomUUID();
                }
                if (m.equals("parse")) {
                    return LanguagePrimitives.toGuid(arg(args, 0));
                }
                return fail(type, member);
            case "datetime":
                switch (m) {
                    case "parse": return LanguagePrimitives.toDateTime(arg(args, 0));
                    case "parseexact": return java.time.LocalDateTime.parse(s(args, 0),
                            DateTimeFormatter.ofPattern(FormatOperator.dotNetDatePattern(s(args, 1)), Locale.US))
                            .atZone(java.time.ZoneId.systemDefault()).toOffsetDateTime();
                    case "daysinmonth": return java.time.YearMonth.of(LanguagePrimitives.toInt(arg(args, 0)),
                            LanguagePrimitives.toInt(arg(args, 1))).lengthOfMonth();
                    default: return fail(type, member);
                }
            case "timespan":
                double v = d(args, 0);
                return switch (m) {
                    case "fromseconds" -> Duration.ofNanos((long) (v * 1e9));
                    case "frommilliseconds" -> Duration.ofNanos((long) (v * 1e6));
                    case "fromminutes" -> Duration.ofNanos((long) (v * 6e10));
                    case "fromhours" -> Duration.ofNanos((long) (v * 3.6e12));
                    case "fromdays" -> Duration.ofNanos((long) (v * 8.64e13));
                    case "parse" -> TypeResolver.toTimeSpan(arg(args, 0));
                    default -> fail(type, member);
                };
            case "io.path":
                return path(rt, m, args, type, member);
            case "environment":
                switch (m) {
                    case "getenvironmentvariable": return rt.session().env(s(args, 0));
                    case "setenvironmentvariable":
                        rt.sv("env:" + s(args, 0), args.size() > 1 ? arg(args, 1) : null);
                        return null;
                    case "getfolderpath": return folder(s(args, 0));
                    case "exit": throw new ExitException(LanguagePrimitives.toInt(arg(args, 0)));
                    default: return fail(type, member);
                }
            case "regex", "text.regularexpressions.regex":
                switch (m) {
                    case "escape": return Pattern.quote(s(args, 0)).equals("\\Q\\E") ? "" : escapeRegex(s(args, 0));
                    case "ismatch": return Pattern.compile(s(args, 1)).matcher(s(args, 0)).find();
                    case "replace": return Operators.replace(true, arg(args, 0), List.of(arg(args, 1), arg(args, 2)));
                    case "split": return Operators.split(true, arg(args, 0), arg(args, 1));
                    case "match": {
                        Object r = rt.cmp("cmatch", s(args, 0), s(args, 1));
                        return LanguagePrimitives.isTrue(r) ? rt.v("Matches") : null;
                    }
                    default: return fail(type, member);
                }
            case "diagnostics.stopwatch":
                return m.equals("startnew") ? Stopwatch.startNew() : fail(type, member);
            case "int", "int32", "long", "int64", "double", "uint64", "bool", "boolean":
                if (m.equals("parse")) {
                    return TypeResolver.cast(type, arg(args, 0));
                }
                if (m.equals("tryparse")) {
                    return TypeResolver.as(arg(args, 0), type) != null;
                }
                return fail(type, member);
            case "io.file":
                try {
                    return switch (m) {
                        case "exists" -> Files.isRegularFile(rt.session().location().resolve(s(args, 0)));
                        case "readalltext" -> Files.readString(rt.session().location().resolve(s(args, 0)));
                        case "readalllines" -> new ArrayList<Object>(Files.readAllLines(rt.session().location().resolve(s(args, 0))));
                        case "writealltext" -> {
                            Files.writeString(rt.session().location().resolve(s(args, 0)), s(args, 1));
                            yield null;
                        }
                        default -> fail(type, member);
                    };
                } catch (IOException e) {
                    throw new IllegalArgumentException("Exception calling \"" + member + "\": " + e.getMessage(), e);
                }
            case "io.directory":
                return m.equals("exists") ? Files.isDirectory(rt.session().location().resolve(s(args, 0))) : fail(type, member);
            case "scriptblock":
                return fail(type, member);
            default:
                return fail(type, member);
        }
    }

    private static String escapeRegex(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\*+?|{[()^$.# ".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c == '\t' ? "t" : c == '\n' ? "n" : String.valueOf(c));
        }
        return b.toString();
    }

    private static Object math(String m, List<Object> args, String type, String member) {
        switch (m) {
            case "round": {
                BigDecimal x = new BigDecimal(LanguagePrimitives.toNumber(arg(args, 0)).toString());
                int digits = 0;
                RoundingMode mode = RoundingMode.HALF_EVEN;
                for (int i = 1; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof Number n) {
                        digits = n.intValue();
                    } else if (LanguagePrimitives.toStr(a).equalsIgnoreCase("AwayFromZero")) {
                        mode = RoundingMode.HALF_UP;
                    }
                }
                return x.setScale(digits, mode).doubleValue();
            }
            case "floor": return Math.floor(d(args, 0));
            case "ceiling": return Math.ceil(d(args, 0));
            case "truncate": return (double) (long) d(args, 0);
            case "abs": {
                Number n = LanguagePrimitives.toNumber(arg(args, 0));
                return n instanceof Integer i ? (Object) Math.abs(i) : n instanceof Long l ? (Object) Math.abs(l) : (Object) Math.abs(n.doubleValue());
            }
            case "min", "max": {
                Object a = arg(args, 0);
                Object b = arg(args, 1);
                int c = org.drizzle.cmdlets.lang.Comparison.compareNumbers(LanguagePrimitives.toNumber(a), LanguagePrimitives.toNumber(b));
                return (m.equals("min") ? c <= 0 : c >= 0) ? a : b;
            }
            case "pow": return Math.pow(d(args, 0), d(args, 1));
            case "sqrt": return Math.sqrt(d(args, 0));
            case "log": return args.size() > 1 ? Math.log(d(args, 0)) / Math.log(d(args, 1)) : Math.log(d(args, 0));
            case "log10": return Math.log10(d(args, 0));
            case "exp": return Math.exp(d(args, 0));
            case "sign": return (int) Math.signum(d(args, 0));
            default: return fail(type, member);
        }
    }

    private static Object path(ScriptRuntime rt, String m, List<Object> args, String type, String member) {
        switch (m) {
            case "combine", "join": {
                Path p = Path.of(s(args, 0));
                for (int i = 1; i < args.size(); i++) {
                    p = p.resolve(s(args, i));
                }
                return p.toString();
            }
            case "getfilename": {
                String v = s(args, 0);
                int slash = Math.max(v.lastIndexOf('/'), v.lastIndexOf('\\'));
                return v.substring(slash + 1);
            }
            case "getfilenamewithoutextension": {
                String f = (String) path(rt, "getfilename", args, type, member);
                int dot = f.lastIndexOf('.');
                return dot > 0 ? f.substring(0, dot) : f;
            }
            case "getextension": {
                String f = (String) path(rt, "getfilename", args, type, member);
                int dot = f.lastIndexOf('.');
                return dot >= 0 ? f.substring(dot) : "";
            }
            case "getdirectoryname": {
                Path parent = Path.of(s(args, 0)).getParent();
                return parent == null ? null : parent.toString();
            }
            case "gettemppath": return System.getProperty("java.io.tmpdir") + java.io.File.separator;
            case "gettempfilename":
                try {
                    return Files.createTempFile("tmp", ".tmp").toString();
                } catch (IOException e) {
                    throw new IllegalArgumentException("Exception calling \"GetTempFileName\": " + e.getMessage(), e);
                }
            case "getrandomfilename": return UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "."
                    + UUID.randomUUID().toString().substring(0, 3);
            case "getfullpath": return rt.session().location().resolve(s(args, 0)).normalize().toString();
            case "ispathrooted": return Path.of(s(args, 0)).isAbsolute();
            default: return fail(type, member);
        }
    }

    /** [Environment]::GetFolderPath for the folders that have a Linux meaning. */
    private static String folder(String name) {
        String home = System.getProperty("user.home");
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "userprofile", "personal", "mydocuments" -> home;
            case "desktop", "desktopdirectory" -> home + "/Desktop";
            case "applicationdata" -> System.getenv().getOrDefault("XDG_CONFIG_HOME", home + "/.config");
            case "localapplicationdata" -> System.getenv().getOrDefault("XDG_DATA_HOME", home + "/.local/share");
            case "commonapplicationdata" -> "/var/lib";
            case "mydownloads", "downloads" -> home + "/Downloads";
            default -> throw new ConversionException("The special folder '" + name + "' has no equivalent on this platform.");
        };
    }
}
