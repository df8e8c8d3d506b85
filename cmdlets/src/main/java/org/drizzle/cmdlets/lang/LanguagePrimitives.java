package org.drizzle.cmdlets.lang;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.drizzle.engine.job.Names;

/**
 * PowerShell's conversion rules, shared by the host runtime and the cmdlets: truthiness,
 * numbers (with [int] rounding half to even), strings, enums and collections. Comparison lives in
 * {@link Comparison}, arithmetic in {@link Arithmetic}.
 */
public final class LanguagePrimitives {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private LanguagePrimitives() {
    }

    /** PowerShell truthiness: $null, 0, '', empty collections and @($false) are false. */
    public static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n instanceof BigInteger bi ? bi.signum() != 0
                    : n instanceof BigDecimal bd ? bd.signum() != 0 : n.doubleValue() != 0;
        }
        if (v instanceof CharSequence s) {
            return s.length() > 0;
        }
        if (isEnumerable(v)) {
            List<Object> items = toList(v);
            return items.size() > 1 || (items.size() == 1 && isTrue(items.get(0)));
        }
        return true;
    }

    /** Arrays and collections (not strings, not maps) are enumerated by pipelines and operators. */
    public static boolean isEnumerable(Object v) {
        return v instanceof Collection<?> || (v != null && v.getClass().isArray())
                || v instanceof Iterable<?> && !(v instanceof java.nio.file.Path);
    }

    /** The elements of an enumerable value, or a one-element list (empty for $null). */
    public static List<Object> toList(Object v) {
        if (v == null) {
            return Collections.emptyList();
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(v, i));
            }
            return out;
        }
        if (v instanceof Iterable<?> it && !(v instanceof java.nio.file.Path)) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        return Collections.singletonList(v);
    }

    /** PowerShell's string conversion: $null is '', arrays join with a space, numbers invariant. */
    public static String toStr(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof java.nio.file.Path p) {
            return p.toString();
        }
        if (isEnumerable(v)) {
            StringBuilder b = new StringBuilder();
            for (Object o : toList(v)) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(toStr(o));
            }
            return b.toString();
        }
        return ValueFormatter.format(v);
    }

    /** [int]: strings parse (hex, KB suffixes), doubles round half to even, overflow is an error. */
    public static int toInt(Object v) {
        long l = toLong(v, "Int32");
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new ConversionException(v, "Int32", "Value was either too large or too small for an Int32.");
        }
        return (int) l;
    }

    /** [long]: as {@link #toInt} for 64 bits. */
    public static long toLong(Object v) {
        return toLong(v, "Int64");
    }

    private static long toLong(Object v, String typeName) {
        Number n;
        try {
            n = toNumber(v);
        } catch (ConversionException e) {
            throw new ConversionException(v, typeName, "Input string was not in a correct format.");
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Math.abs(d) > 9.2233720368547758E18) {
                throw new ConversionException(v, "Int64", "Value was either too large or too small for an Int64.");
            }
            return (long) Math.rint(d);
        }
        if (n instanceof BigDecimal bd) {
            n = bd.setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        }
        if (n instanceof BigInteger bi) {
            if (bi.compareTo(LONG_MIN) < 0 || bi.compareTo(LONG_MAX) > 0) {
                throw new ConversionException(v, "Int64", "Value was either too large or too small for an Int64.");
            }
            return bi.longValue();
        }
        return n.longValue();
    }

    public static double toDouble(Object v) {
        return toNumber(v).doubleValue();
    }

    /** [bool]: same as truthiness (so [bool]'false' is $true, as in PowerShell). */
    public static boolean toBool(Object v) {
        return isTrue(v);
    }

    /**
     * Any value as a number: numbers pass through, $null is 0, booleans 1/0, strings parse
     * (leading/trailing blanks, 0x hex, exponent, KB..PB), enums give their ordinal.
     */
    public static Number toNumber(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Character c) {
            return (int) c;
        }
        if (v instanceof Enum<?> e) {
            return e.ordinal();
        }
        if (v instanceof CharSequence) {
            String s = v.toString().trim();
            if (s.isEmpty()) {
                return 0;
            }
            Number n = parseNumber(s);
            if (n == null) {
                throw new ConversionException(v, "Number", "Input string was not in a correct format.");
            }
            return n;
        }
        List<Object> items = isEnumerable(v) ? toList(v) : null;
        if (items != null && items.size() == 1) {
            return toNumber(items.get(0));
        }
        throw new ConversionException(v, "Number", "The value is not a number.");
    }

    /**
     * Parses a PowerShell number literal or numeric string: {@code 42}, {@code -1.5e3},
     * {@code 0x1F}, {@code 10KB}, {@code 1.5GB}, {@code 5L}. Returns null when it is not one.
     * Integers come back as Integer when they fit, else Long, else BigInteger; decimals as Double.
     */
    public static Number parseNumber(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        long multiplier = 1;
        String lower = s.toLowerCase(Locale.ROOT);
        String[] suffixes = {"kb", "mb", "gb", "tb", "pb"};
        for (int i = 0; i < suffixes.length; i++) {
            if (lower.endsWith(suffixes[i])) {
                multiplier = 1L << (10 * (i + 1));
                s = s.substring(0, s.length() - 2);
                lower = lower.substring(0, lower.length() - 2);
                break;
            }
        }
        boolean forceLong = false;
        if (lower.endsWith("l") && !lower.startsWith("0x")) {
            forceLong = true;
            s = s.substring(0, s.length() - 1);
            lower = lower.substring(0, lower.length() - 1);
        }
        try {
            BigInteger integer = null;
            String sign = "";
            String body = lower;
            if (body.startsWith("-") || body.startsWith("+")) {
                sign = body.startsWith("-") ? "-" : "";
                body = body.substring(1);
            }
            if (body.startsWith("0x")) {
                integer = new BigInteger(sign + body.substring(2), 16);
            } else if (body.matches("[0-9]+")) {
                integer = new BigInteger(sign + body);
            }
            if (integer != null) {
                integer = integer.multiply(BigInteger.valueOf(multiplier));
                if (!forceLong && integer.bitLength() < 32) {
                    return integer.intValue();
                }
                return integer.bitLength() < 64 ? (Number) integer.longValue() : integer;
            }
            if (!body.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                return null;
            }
            double d = Double.parseDouble(sign + body) * multiplier;
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Converts text to an enum constant by its PowerShell spelling or number; the error lists valid values. */
    public static <E extends Enum<E>> E toEnum(Class<E> type, Object v) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (v instanceof Number n) {
            E[] all = type.getEnumConstants();
            int i = n.intValue();
            if (i >= 0 && i < all.length) {
                return all[i];
            }
        }
        try {
            return Names.parse(type, toStr(v));
        } catch (IllegalArgumentException e) {
            throw new ConversionException(v, type.getSimpleName(), e.getMessage());
        }
    }

    /**
     * Converts a value to a Java type as a parameter or cast needs: String, numbers, boolean,
     * enums, UUID, Instant/OffsetDateTime, Duration, arrays and lists of those, Object.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object convertTo(Object v, Class<?> type) {
        if (type == Object.class) {
            return v;
        }
        if (type.isArray()) {
            List<Object> items = toList(v);
            Object out = Array.newInstance(type.getComponentType(), items.size());
            for (int i = 0; i < items.size(); i++) {
                Array.set(out, i, convertTo(items.get(i), type.getComponentType()));
            }
            return out;
        }
        if (type == List.class || type == Collection.class) {
            return new ArrayList<>(toList(v));
        }
        if (v != null && !type.isPrimitive() && type.isInstance(v)) {
            return v;
        }
        if (type == String.class) {
            return v == null ? null : toStr(v);
        }
        if (type == int.class || type == Integer.class) {
            return toInt(v);
        }
        if (type == long.class || type == Long.class) {
            return toLong(v);
        }
        if (type == double.class || type == Double.class) {
            return toDouble(v);
        }
        if (type == boolean.class || type == Boolean.class) {
            return toBool(v);
        }
        if (type == BigInteger.class) {
            Number n = toNumber(v);
            return n instanceof BigInteger ? n : BigInteger.valueOf(toLong(n));
        }
        if (type.isEnum()) {
            return toEnum((Class) type, v);
        }
        if (v == null) {
            return null;
        }
        if (type == UUID.class) {
            return toGuid(v);
        }
        if (type == Instant.class) {
            return toDateTime(v).toInstant();
        }
        if (type == OffsetDateTime.class) {
            return toDateTime(v);
        }
        if (type == Duration.class && v instanceof Number n) {
            return Duration.ofMillis((long) (n.doubleValue() * 1000));
        }
        if (type == java.nio.file.Path.class) {
            return java.nio.file.Path.of(toStr(v));
        }
        throw new ConversionException(v, type.getSimpleName(), "No conversion is defined to " + type.getSimpleName() + ".");
    }

    /** [guid]: accepts the 32-hex, dashed and braced forms. */
    public static UUID toGuid(Object v) {
        if (v instanceof UUID u) {
            return u;
        }
        String s = toStr(v).trim();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.matches("[0-9a-fA-F]{32}")) {
            s = s.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5");
        }
        if (!s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ConversionException(v, "Guid", "Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        }
        return UUID.fromString(s);
    }

    /** [datetime]: ISO-8601 text (with or without zone; without means local) or an Instant. */
    public static OffsetDateTime toDateTime(Object v) {
        ZoneId zone = ZoneId.systemDefault();
        if (v instanceof OffsetDateTime o) {
            return o;
        }
        if (v instanceof Instant i) {
            return i.atZone(zone).toOffsetDateTime();
        }
        if (v instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (v instanceof java.time.LocalDateTime l) {
            return l.atZone(zone).toOffsetDateTime();
        }
        String s = toStr(v).trim();
        try {
            return OffsetDateTime.parse(s);
        } catch (java.time.format.DateTimeParseException ignored) {
            // fall through to the zone-less forms
        }
        try {
            if (s.length() == 10) {
                return java.time.LocalDate.parse(s).atStartOfDay(zone).toOffsetDateTime();
            }
            return java.time.LocalDateTime.parse(s.replace(' ', 'T')).atZone(zone).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                java.time.format.DateTimeFormatter us = java.time.format.DateTimeFormatter
                        .ofPattern("M/d/yyyy[ H:mm[:ss]]", Locale.ROOT);
                java.time.temporal.TemporalAccessor t = us.parseBest(s, java.time.LocalDateTime::from, java.time.LocalDate::from);
                return t instanceof java.time.LocalDateTime l ? l.atZone(zone).toOffsetDateTime()
                        : ((java.time.LocalDate) t).atStartOfDay(zone).toOffsetDateTime();
            } catch (java.time.format.DateTimeParseException e2) {
                throw new ConversionException(v, "DateTime", "String '" + s + "' was not recognized as a valid DateTime.");
            }
        }
    }

    /** Map-like values (hashtables) are not enumerated by the pipeline; exposed for the runtime. */
    public static boolean isMap(Object v) {
        return v instanceof Map<?, ?>;
    }
}
