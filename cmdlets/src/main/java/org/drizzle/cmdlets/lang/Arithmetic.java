package org.drizzle.cmdlets.lang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PowerShell's + - * / % on numbers, strings, arrays and hashtables. Integers stay integers
 * until they overflow (then double); division of integers gives a double unless exact
 * ({@code 7/2} is 3.5, {@code 6/2} is 3); the left operand decides for strings and arrays.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static Object add(Object l, Object r) {
        if (l == null) {
            return r;
        }
        if (l instanceof CharSequence || l instanceof Character) {
            return l.toString() + LanguagePrimitives.toStr(r);
        }
        if (LanguagePrimitives.isEnumerable(l)) {
            List<Object> out = LanguagePrimitives.toList(l);
            if (LanguagePrimitives.isEnumerable(r)) {
                out.addAll(LanguagePrimitives.toList(r));
            } else {
                out.add(r);
            }
            return out;
        }
        if (l instanceof Map<?, ?> lm && r instanceof Map<?, ?> rm) {
            Hashtable out = new Hashtable();
            out.putAll(lm);
            for (Map.Entry<?, ?> e : rm.entrySet()) {
                if (out.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("Item has already been added. Key in dictionary: '"
                            + e.getKey() + "'");
                }
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
        if (l instanceof java.time.temporal.Temporal && r instanceof java.time.Duration d) {
            return LanguagePrimitives.toDateTime(l).plus(d);
        }
        return numeric('+', LanguagePrimitives.toNumber(l), LanguagePrimitives.toNumber(r));
    }

    public static Object subtract(Object l, Object r) {
        if (l instanceof java.time.temporal.Temporal && r instanceof java.time.temporal.Temporal) {
            return java.time.Duration.between(LanguagePrimitives.toDateTime(r), LanguagePrimitives.toDateTime(l));
        }
        if (l instanceof java.time.temporal.Temporal && r instanceof java.time.Duration d) {
            return LanguagePrimitives.toDateTime(l).minus(d);
        }
        return numeric('-', LanguagePrimitives.toNumber(l), LanguagePrimitives.toNumber(r));
    }

    public static Object multiply(Object l, Object r) {
        if (l instanceof CharSequence s) {
            return s.toString().repeat(Math.max(0, LanguagePrimitives.toInt(r)));
        }
        if (LanguagePrimitives.isEnumerable(l)) {
            List<Object> items = LanguagePrimitives.toList(l);
            List<Object> out = new ArrayList<>();
            for (int i = LanguagePrimitives.toInt(r); i > 0; i--) {
                out.addAll(items);
            }
            return out;
        }
        return numeric('*', LanguagePrimitives.toNumber(l), LanguagePrimitives.toNumber(r));
    }

    public static Object divide(Object l, Object r) {
        return numeric('/', LanguagePrimitives.toNumber(l), LanguagePrimitives.toNumber(r));
    }

    public static Object remainder(Object l, Object r) {
        return numeric('%', LanguagePrimitives.toNumber(l), LanguagePrimitives.toNumber(r));
    }

    /** Unary minus. */
    public static Object negate(Object v) {
        return numeric('-', 0, LanguagePrimitives.toNumber(v));
    }

    private static Object numeric(char op, Number a, Number b) {
        if (Comparison.isIntegral(a) && Comparison.isIntegral(b)) {
            BigInteger x = big(a);
            BigInteger y = big(b);
            BigInteger result;
            switch (op) {
                case '+' -> result = x.add(y);
                case '-' -> result = x.subtract(y);
                case '*' -> result = x.multiply(y);
                case '%' -> {
                    checkZero(y);
                    result = x.remainder(y);
                }
                default -> {
                    checkZero(y);
                    BigInteger[] qr = x.divideAndRemainder(y);
                    if (qr[1].signum() != 0) {
                        return new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL64).doubleValue();
                    }
                    result = qr[0];
                }
            }
            return narrow(result, a instanceof Integer && b instanceof Integer);
        }
        if (a instanceof BigDecimal || b instanceof BigDecimal) {
            BigDecimal x = new BigDecimal(a.toString());
            BigDecimal y = new BigDecimal(b.toString());
            return switch (op) {
                case '+' -> x.add(y);
                case '-' -> x.subtract(y);
                case '*' -> x.multiply(y);
                case '%' -> x.remainder(y);
                default -> x.divide(y, MathContext.DECIMAL128);
            };
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        return switch (op) {
            case '+' -> x + y;
            case '-' -> x - y;
            case '*' -> x * y;
            case '%' -> x % y;
            default -> x / y;
        };
    }

    private static void checkZero(BigInteger y) {
        if (y.signum() == 0) {
            throw new ArithmeticException("Attempted to divide by zero.");
        }
    }

    /** Int32 when both operands were Int32 and it fits, Int64 when it fits, else Double. */
    private static Number narrow(BigInteger v, boolean bothInt) {
        if (bothInt && v.bitLength() < 32) {
            return v.intValue();
        }
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        return v.doubleValue();
    }

    private static BigInteger big(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }
}
