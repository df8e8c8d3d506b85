package org.drizzle.cmdlets.dotnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** [math] (System.Math) and [MidpointRounding], with .NET's rounding rules. */
final class MathType {
    private MathType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(math(), EnumTypes.of("System.MidpointRounding", MidpointRounding.class));
    }

    private static TypeAdapter math() {
        return TypeAdapter.builder("System.Math")
                .constant("PI", Math.PI).constant("E", Math.E)
                .method("Round", 1, a -> round(a.get(0), 0, MidpointRounding.ToEven))
                .method("Round", 2, a -> a.get(1) instanceof MidpointRounding || a.get(1) instanceof CharSequence
                        ? round(a.get(0), 0, mode(a.get(1))) : round(a.get(0), LanguagePrimitives.toInt(a.get(1)), MidpointRounding.ToEven))
                .method("Round", 3, a -> round(a.get(0), LanguagePrimitives.toInt(a.get(1)), mode(a.get(2))))
                .method("Floor", 1, a -> unary(a.get(0), Math::floor, RoundingMode.FLOOR))
                .method("Ceiling", 1, a -> unary(a.get(0), Math::ceil, RoundingMode.CEILING))
                .method("Truncate", 1, a -> unary(a.get(0), d -> d < 0 ? Math.ceil(d) : Math.floor(d), RoundingMode.DOWN))
                .method("Abs", 1, a -> abs(number(a.get(0))))
                .method("Min", 2, a -> minMax(a, true))
                .method("Max", 2, a -> minMax(a, false))
                .method("Pow", 2, a -> Math.pow(LanguagePrimitives.toDouble(a.get(0)), LanguagePrimitives.toDouble(a.get(1))))
                .method("Sqrt", 1, a -> Math.sqrt(LanguagePrimitives.toDouble(a.get(0))))
                .method("Log", 1, a -> Math.log(LanguagePrimitives.toDouble(a.get(0))))
                .method("Log", 2, a -> Math.log(LanguagePrimitives.toDouble(a.get(0))) / Math.log(LanguagePrimitives.toDouble(a.get(1))))
                .method("Log10", 1, a -> Math.log10(LanguagePrimitives.toDouble(a.get(0))))
                .method("Sign", 1, a -> (int) Math.signum(LanguagePrimitives.toDouble(a.get(0))))
                .build();
    }

    static MidpointRounding mode(Object v) {
        return v instanceof MidpointRounding m ? m : LanguagePrimitives.toEnum(MidpointRounding.class, v);
    }

    /**
     * {@code [math]::Round(value, digits, mode)}. Doubles follow .NET Core: scale by 10^digits,
     * round to an integer, scale back, so binary representation shows through as it does there
     * ({@code Round(2.135, 2)} is 2.13). Decimals (BigDecimal) round exactly. Integers are unchanged.
     */
    static Number round(Object value, int digits, MidpointRounding mode) {
        if (digits < 0 || digits > 15) {
            throw new DotNetException("ArgumentOutOfRange", "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits') Actual value was " + digits + ".");
        }
        Number n = number(value);
        if (n instanceof BigDecimal bd) {
            return bd.setScale(digits, javaMode(mode));
        }
        if (n instanceof Integer || n instanceof Long || n instanceof BigInteger) {
            return n.doubleValue();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        double power = Math.pow(10, digits);
        double scaled = d * power;
        if (Math.abs(scaled) >= 1e16) {
            return d;
        }
        return roundInteger(scaled, mode) / power;
    }

    private static double roundInteger(double x, MidpointRounding mode) {
        return switch (mode) {
            case ToEven -> Math.rint(x);
            case AwayFromZero -> {
                double f = Math.floor(Math.abs(x));
                double r = Math.abs(x) - f >= 0.5 ? f + 1 : f;
                yield Math.copySign(r, x);
            }
            case ToZero -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case ToNegativeInfinity -> Math.floor(x);
            case ToPositiveInfinity -> Math.ceil(x);
        };
    }

    private static RoundingMode javaMode(MidpointRounding mode) {
        return switch (mode) {
            case ToEven -> RoundingMode.HALF_EVEN;
            case AwayFromZero -> RoundingMode.HALF_UP;
            case ToZero -> RoundingMode.DOWN;
            case ToNegativeInfinity -> RoundingMode.FLOOR;
            case ToPositiveInfinity -> RoundingMode.CEILING;
        };
    }

    private static Number number(Object v) {
        return LanguagePrimitives.toNumber(v);
    }

    private static Object unary(Object v, java.util.function.DoubleUnaryOperator op, RoundingMode decimalMode) {
        Number n = number(v);
        if (n instanceof BigDecimal bd) {
            return bd.setScale(0, decimalMode);
        }
        return op.applyAsDouble(n.doubleValue());
    }

    private static Number abs(Number n) {
        if (n instanceof Integer i) {
            if (i == Integer.MIN_VALUE) {
                throw new DotNetException("Overflow", "Negating the minimum value of a twos complement number is invalid.");
            }
            return Math.abs(i);
        }
        if (n instanceof Long l) {
            return Math.abs(l);
        }
        if (n instanceof BigDecimal bd) {
            return bd.abs();
        }
        if (n instanceof BigInteger bi) {
            return bi.abs();
        }
        return Math.abs(n.doubleValue());
    }

    /** Min/Max keep integers integral (Int32 if both are, else Int64) and compare others as doubles. */
    private static Number minMax(List<Object> a, boolean min) {
        Number x = number(a.get(0));
        Number y = number(a.get(1));
        boolean integral = isIntegral(x) && isIntegral(y);
        if (integral) {
            long r = min ? Math.min(x.longValue(), y.longValue()) : Math.max(x.longValue(), y.longValue());
            if (x instanceof Integer && y instanceof Integer) {
                return (int) r;
            }
            return r;
        }
        return min ? Math.min(x.doubleValue(), y.doubleValue()) : Math.max(x.doubleValue(), y.doubleValue());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }
}
