package org.drizzle.cmdlets.dotnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The numeric types and [bool]: MaxValue/MinValue, Parse, and casts with PowerShell's rules
 * (fractions round half to even, out-of-range values are errors). UInt64 values beyond Int64
 * are BigIntegers, so {@code [uint64]::MaxValue} is 18446744073709551615 as BitsJob reports it.
 */
final class NumericTypes {
    static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    private NumericTypes() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(
                integral("System.Int32", Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.class, LanguagePrimitives::toInt),
                integral("System.Int64", Long.MIN_VALUE, Long.MAX_VALUE, Long.class, LanguagePrimitives::toLong),
                integral("System.Int16", (short) -32768, (short) 32767, Short.class, v -> (short) ranged(v, -32768, 32767, "Int16")),
                integral("System.Byte", (short) 0, (short) 255, Short.class, v -> (short) ranged(v, 0, 255, "Byte")),
                integral("System.UInt32", 0L, 4294967295L, Long.class, v -> ranged(v, 0, 4294967295L, "UInt32")),
                integral("System.UInt64", 0, UINT64_MAX, BigInteger.class, NumericTypes::toUInt64),
                floating("System.Double", -Double.MAX_VALUE, Double.MAX_VALUE, LanguagePrimitives::toDouble),
                floating("System.Single", -Float.MAX_VALUE, Float.MAX_VALUE, v -> (double) (float) LanguagePrimitives.toDouble(v)),
                TypeAdapter.builder("System.Decimal")
                        .constant("MaxValue", new BigDecimal("79228162514264337593543950335"))
                        .constant("MinValue", new BigDecimal("-79228162514264337593543950335"))
                        .method("Parse", 1, a -> toDecimal(a.get(0)))
                        .method("Round", 2, a -> toDecimal(a.get(0)).setScale(LanguagePrimitives.toInt(a.get(1)), RoundingMode.HALF_EVEN))
                        .instances(BigDecimal.class::isInstance).converter(NumericTypes::toDecimal).build(),
                TypeAdapter.builder("System.Boolean").constant("TrueString", "True").constant("FalseString", "False")
                        .method("Parse", 1, a -> parseBool(a.get(0)))
                        .instances(Boolean.class::isInstance).converter(LanguagePrimitives::toBool).build(),
                TypeAdapter.builder("System.Char").instances(Character.class::isInstance)
                        .converter(NumericTypes::toChar).build());
    }

    private static TypeAdapter integral(String name, Object min, Object max, Class<?> javaType, Function<Object, Object> cast) {
        return TypeAdapter.builder(name).constant("MinValue", min).constant("MaxValue", max)
                .method("Parse", 1, a -> cast.apply(LanguagePrimitives.toStr(a.get(0)).trim()))
                .method("TryParse", 2, a -> tryParse(a, cast, 0))
                .instances(v -> javaType.isInstance(v) || (javaType != BigInteger.class && integralJava(v, javaType)))
                .converter(v -> cast.apply(v)).build();
    }

    /**
     * {@code [int]::TryParse(text, [ref]$n)}: true and the number in $n, or false and $n zero. Only
     * digits (with a sign, and for floating types a point and exponent) parse, as .NET's
     * NumberStyles.Integer / Float do: no hex, no size suffixes.
     */
    private static boolean tryParse(List<Object> a, Function<Object, Object> cast, Object zero) {
        String text = a.get(0) == null ? "" : LanguagePrimitives.toStr(a.get(0)).trim();
        boolean floating = zero instanceof Double;
        Object parsed = null;
        if (text.matches(floating ? "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?" : "[+-]?\\d+")) {
            try {
                parsed = cast.apply(text);
            } catch (RuntimeException e) {
                parsed = null;
            }
        }
        org.drizzle.cmdlets.lang.PSReference.assign(a.get(1), parsed == null ? (floating ? zero : cast.apply(0)) : parsed);
        return parsed != null;
    }

    private static boolean integralJava(Object v, Class<?> javaType) {
        return javaType == Integer.class ? v instanceof Integer : javaType == Long.class && v instanceof Long;
    }

    private static TypeAdapter floating(String name, double min, double max, Function<Object, Object> cast) {
        return TypeAdapter.builder(name).constant("MinValue", min).constant("MaxValue", max)
                .constant("NaN", Double.NaN).constant("PositiveInfinity", Double.POSITIVE_INFINITY)
                .constant("NegativeInfinity", Double.NEGATIVE_INFINITY).constant("Epsilon", Double.MIN_VALUE)
                .method("Parse", 1, a -> cast.apply(LanguagePrimitives.toStr(a.get(0)).trim()))
                .method("TryParse", 2, a -> tryParse(a, cast, 0.0))
                .method("IsNaN", 1, a -> Double.isNaN(LanguagePrimitives.toDouble(a.get(0))))
                .instances(v -> v instanceof Double || v instanceof Float).converter(cast).build();
    }

    private static long ranged(Object v, long min, long max, String type) {
        long l = LanguagePrimitives.toLong(v);
        if (l < min || l > max) {
            throw DotNetException.cannotConvert(v, "System." + type, "Value was either too large or too small for a " + type + ".");
        }
        return l;
    }

    /** [uint64]: non-negative, up to 18446744073709551615; a Long when it fits, else a BigInteger. */
    static Number toUInt64(Object v) {
        Number n = LanguagePrimitives.toNumber(v);
        BigInteger bi;
        if (n instanceof BigInteger b) {
            bi = b;
        } else if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
            bi = NumberFormat.decimal(n).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
        } else {
            bi = BigInteger.valueOf(n.longValue());
        }
        if (bi.signum() < 0 || bi.compareTo(UINT64_MAX) > 0) {
            throw DotNetException.cannotConvert(v, "System.UInt64", "Value was either too large or too small for a UInt64.");
        }
        return bi.bitLength() < 64 ? (Number) bi.longValue() : bi;
    }

    static BigDecimal toDecimal(Object v) {
        return NumberFormat.decimal(LanguagePrimitives.toNumber(v));
    }

    private static boolean parseBool(Object v) {
        String s = LanguagePrimitives.toStr(v).trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new DotNetException("FormatException", "String '" + s + "' was not recognized as a valid Boolean.");
    }

    private static Character toChar(Object v) {
        if (v instanceof Number n) {
            return (char) n.intValue();
        }
        String s = LanguagePrimitives.toStr(v);
        if (s.length() != 1) {
            throw DotNetException.cannotConvert(v, "System.Char", "String must be exactly one character long.");
        }
        return s.charAt(0);
    }
}
