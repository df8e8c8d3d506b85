package org.drizzle.host.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.ConversionException;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Priority;

/**
 * PowerShell type names ({@code [int]}, {@code [System.Int64]}, {@code [string[]]},
 * {@code [pscustomobject]}, the BitsTransfer module's enums) and what casts, {@code -is} and
 * {@code -as} do with them. An unknown name is an error naming it.
 */
final class TypeResolver {
    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");
    private static final String BITS = "microsoft.backgroundintelligenttransfer.management.";

    private TypeResolver() {
    }

    /** Lower case, without "System." and the BITS module namespace. */
    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (n.startsWith("system.")) {
            n = n.substring(7);
        }
        if (n.startsWith(BITS)) {
            n = n.substring(BITS.length());
        }
        return n;
    }

    /** The Java type a function parameter declared as {@code [name]} binds to. */
    static Class<?> javaType(String name) {
        String n = normalise(name);
        if (n.endsWith("[]")) {
            Class<?> element = javaType(n.substring(0, n.length() - 2));
            return element == Object.class ? Object[].class : java.lang.reflect.Array.newInstance(element, 0).getClass();
        }
        return switch (n) {
            case "int", "int32", "int16", "byte", "sbyte", "uint16", "uint32" -> Integer.class;
            case "long", "int64" -> Long.class;
            case "uint64", "ulong" -> BigInteger.class;
            case "double", "single", "float", "decimal" -> Double.class;
            case "string" -> String.class;
            case "switch", "management.automation.switchparameter" -> boolean.class;
            case "bool", "boolean" -> Boolean.class;
            case "guid" -> UUID.class;
            case "datetime" -> OffsetDateTime.class;
            case "scriptblock", "management.automation.scriptblock" -> ScriptBlock.class;
            case "bitsjobstate" -> JobState.class;
            case "bitsjobtype" -> JobType.class;
            case "bitsjobpriority", "jobpriority" -> Priority.class;
            default -> {
                if (isKnown(n)) {
                    yield Object.class;
                }
                throw unknown(name);
            }
        };
    }

    private static boolean isKnown(String n) {
        return List.of("object", "psobject", "pscustomobject", "hashtable", "collections.hashtable", "ordered", "array",
                "uri", "timespan", "version", "regex", "text.regularexpressions.regex", "char", "xml", "void",
                "bitsjob", "management.automation.pscredential", "pscredential", "io.fileinfo",
                "io.directoryinfo", "collections.arraylist", "net.webclient", "securestring",
                "security.securestring", "collections.specialized.ordereddictionary").contains(n);
    }

    static RuntimeException unknown(String name) {
        return new ConversionException("Unable to find type [" + name + "].");
    }

    /** Types whose casts only the host knows (they build host objects rather than .NET values). */
    static boolean isHostType(String name) {
        String n = normalise(name);
        return List.of("pscustomobject", "psobject", "ordered", "hashtable", "collections.hashtable", "void", "array",
                "object", "scriptblock", "collections.specialized.ordereddictionary").contains(n);
    }

    /** {@code [type]value}. */
    static Object cast(String name, Object v) {
        String n = normalise(name);
        if (n.endsWith("[]")) {
            String element = n.substring(0, n.length() - 2);
            List<Object> out = new ArrayList<>();
            for (Object o : LanguagePrimitives.toList(v)) {
                out.add(cast(element, o));
            }
            return out;
        }
        switch (n) {
            case "void":
                return null;
            case "object", "psobject":
                return v;
            case "pscustomobject":
                return v instanceof Map<?, ?> m ? PSCustomObject.of(m) : v;
            case "hashtable", "collections.hashtable", "ordered", "collections.specialized.ordereddictionary":
                if (v instanceof Hashtable) {
                    return v;
                }
                if (v instanceof Map<?, ?> m) {
                    Hashtable h = new Hashtable();
                    h.putAll(m);
                    return h;
                }
                throw new ConversionException(v, "Hashtable", "Only a hashtable or dictionary converts to [hashtable].");
            case "array", "collections.arraylist":
                return new ArrayList<>(LanguagePrimitives.toList(v));
            case "int", "int32", "int16", "byte", "sbyte", "uint16", "uint32":
                return LanguagePrimitives.toInt(v);
            case "long", "int64":
                return LanguagePrimitives.toLong(v);
            case "uint64", "ulong":
                return toUInt64(v);
            case "double", "single", "float":
                return LanguagePrimitives.toDouble(v);
            case "decimal":
                return new BigDecimal(LanguagePrimitives.toNumber(v).toString());
            case "string":
                return v == null ? "" : LanguagePrimitives.toStr(v);
            case "char":
                String s = LanguagePrimitives.toStr(v);
                if (v instanceof Number num) {
                    return String.valueOf((char) num.intValue());
                }
                if (s.length() != 1) {
                    throw new ConversionException(v, "Char", "String must be exactly one character long.");
                }
                return s;
            case "bool", "boolean", "switch":
                return LanguagePrimitives.toBool(v);
            case "guid":
                return LanguagePrimitives.toGuid(v);
            case "datetime":
                return LanguagePrimitives.toDateTime(v);
            case "timespan":
                return toTimeSpan(v);
            case "uri":
                try {
                    return v instanceof URI u ? u : new URI(LanguagePrimitives.toStr(v));
                } catch (java.net.URISyntaxException e) {
                    throw new ConversionException(v, "Uri", e.getMessage());
                }
            case "version":
                return PsVersion.parse(LanguagePrimitives.toStr(v));
            case "regex", "text.regularexpressions.regex":
                return Pattern.compile(LanguagePrimitives.toStr(v));
            case "scriptblock":
                if (v instanceof ScriptBlock) {
                    return v;
                }
                throw new ConversionException(v, "ScriptBlock", "Use [scriptblock]::Create() to make a script block from text.");
            default:
                Class<?> t = javaType(name);
                return t == Object.class ? v : LanguagePrimitives.convertTo(v, t);
        }
    }

    static BigInteger toUInt64(Object v) {
        Number n = LanguagePrimitives.toNumber(v);
        BigInteger b = n instanceof BigInteger bi ? bi
                : n instanceof Double || n instanceof BigDecimal
                ? new BigDecimal(n.toString()).setScale(0, java.math.RoundingMode.HALF_EVEN).toBigInteger()
                : BigInteger.valueOf(n.longValue());
        if (b.signum() < 0 || b.compareTo(UINT64_MAX) > 0) {
            throw new ConversionException(v, "UInt64", "Value was either too large or too small for a UInt64.");
        }
        return b;
    }

    static Duration toTimeSpan(Object v) {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof Number n) {
            return Duration.ofNanos(n.longValue() * 100);
        }
        String s = LanguagePrimitives.toStr(v).trim();
        java.util.regex.Matcher m = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d+))?)?").matcher(s);
        if (!m.matches()) {
            throw new ConversionException(v, "TimeSpan", "String '" + s + "' was not recognized as a valid TimeSpan.");
        }
        Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusHours(Long.parseLong(m.group(3))).plusMinutes(Long.parseLong(m.group(4)))
                .plusSeconds(m.group(5) == null ? 0 : Long.parseLong(m.group(5)));
        if (m.group(6) != null) {
            d = d.plusNanos((long) (Double.parseDouble("0." + m.group(6)) * 1e9));
        }
        return m.group(1) != null ? d.negated() : d;
    }

    /** {@code value -is [type]}. */
    static boolean is(Object v, String name) {
        String n = normalise(name);
        if (v == null) {
            return false;
        }
        return switch (n) {
            case "object", "psobject" -> true;
            case "string" -> v instanceof String;
            case "int", "int32" -> v instanceof Integer;
            case "long", "int64" -> v instanceof Long;
            case "uint64", "ulong" -> v instanceof BigInteger;
            case "double" -> v instanceof Double;
            case "decimal" -> v instanceof BigDecimal;
            case "bool", "boolean" -> v instanceof Boolean;
            case "array", "object[]" -> LanguagePrimitives.isEnumerable(v);
            case "hashtable", "collections.hashtable", "collections.idictionary" -> v instanceof Map<?, ?>;
            case "pscustomobject" -> v instanceof PSCustomObject;
            case "guid" -> v instanceof UUID;
            case "datetime" -> v instanceof Temporal;
            case "timespan" -> v instanceof Duration;
            case "scriptblock" -> v instanceof ScriptBlock;
            case "valuetype" -> v instanceof Number || v instanceof Boolean || v instanceof Enum<?>;
            case "enum" -> v instanceof Enum<?>;
            case "exception" -> v instanceof Throwable;
            case "management.automation.errorrecord", "errorrecord" -> v instanceof org.drizzle.cmdlets.api.ErrorRecord;
            default -> {
                Class<?> t = javaType(name);
                yield t != Object.class && t.isInstance(v) || v.getClass().getSimpleName().equalsIgnoreCase(n);
            }
        };
    }

    /** {@code value -as [type]}: the cast, or $null when it fails. */
    static Object as(Object v, String name) {
        try {
            return cast(name, v);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
