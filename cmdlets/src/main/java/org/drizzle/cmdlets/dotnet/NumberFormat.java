package org.drizzle.cmdlets.dotnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number.ToString(format) as .NET does it in the en-US culture: the standard formats N, F, D,
 * X, P, E, C, G, R (each with an optional precision, {@code N2}, {@code D3}) and custom patterns
 * ({@code #,##0.00}, {@code 0.#}). Digits round half away from zero on the shortest decimal
 * form of the value, as .NET's formatting does ({@code 2.675 -> "2.68"} with N2).
 */
public final class NumberFormat {
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private NumberFormat() {
    }

    public static String format(Number n, String spec) {
        if (spec == null || spec.isEmpty()) {
            return org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(n);
        }
        char kind = Character.toUpperCase(spec.charAt(0));
        String rest = spec.substring(1);
        if ("NFDXPECGR".indexOf(kind) < 0 || !rest.matches("\\d{0,2}")) {
            return custom(n, spec);
        }
        Integer precision = rest.isEmpty() ? null : Integer.valueOf(rest);
        if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return d.isNaN() ? "NaN" : d > 0 ? "∞" : "-∞";
        }
        BigDecimal v = decimal(n);
        return switch (kind) {
            case 'N' -> grouped(v, precision == null ? 2 : precision);
            case 'F' -> v.setScale(precision == null ? 2 : precision, RoundingMode.HALF_UP).toPlainString();
            case 'D' -> integerDigits(n, v, precision == null ? 0 : precision, spec);
            case 'X' -> hex(n, precision == null ? 0 : precision, spec, Character.isUpperCase(spec.charAt(0)));
            case 'P' -> grouped(v.movePointRight(2), precision == null ? 2 : precision) + "%";
            case 'C' -> currency(v, precision == null ? 2 : precision);
            case 'E' -> exponential(v, precision == null ? 6 : precision, Character.isUpperCase(spec.charAt(0)));
            default -> general(n, v, precision);
        };
    }

    /** The shortest decimal that reads back as the same double, as .NET starts from. */
    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(Double.toString(n.doubleValue()));
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static String grouped(BigDecimal v, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""), US);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return negativeZero(f.format(v));
    }

    private static String negativeZero(String s) {
        return s.startsWith("-") && s.substring(1).matches("[0.,]+") ? s.substring(1) : s;
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
    }

    private static String integerDigits(Number n, BigDecimal v, int width, String spec) {
        if (!integral(n)) {
            throw badFormat(spec, n);
        }
        String digits = v.abs().toPlainString();
        if (digits.length() < width) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return (v.signum() < 0 ? "-" : "") + digits;
    }

    /** Hex of the two's complement at the value's own width (Int32 -1 is FFFFFFFF, as .NET). */
    private static String hex(Number n, int width, String spec, boolean upper) {
        if (!integral(n)) {
            throw badFormat(spec, n);
        }
        String h = n instanceof Integer i ? Integer.toHexString(i)
                : n instanceof BigInteger bi ? bi.toString(16) : Long.toHexString(n.longValue());
        if (h.length() < width) {
            h = "0".repeat(width - h.length()) + h;
        }
        return upper ? h.toUpperCase(Locale.ROOT) : h;
    }

    private static String currency(BigDecimal v, int decimals) {
        String body = grouped(v.abs(), decimals);
        return v.signum() < 0 && !body.matches("[0.,]+") ? "($" + body + ")" : "$" + body;
    }

    /** {@code 1.234568E+004}: one digit, the precision's decimals, a sign and at least three exponent digits. */
    private static String exponential(BigDecimal v, int decimals, boolean upper) {
        if (v.signum() == 0) {
            return "0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + (upper ? "E+000" : "e+000");
        }
        int exp = v.precision() - v.scale() - 1;
        BigDecimal mantissa = v.movePointLeft(exp).setScale(decimals, RoundingMode.HALF_UP);
        if (mantissa.abs().compareTo(BigDecimal.TEN) >= 0) {
            exp++;
            mantissa = v.movePointLeft(exp).setScale(decimals, RoundingMode.HALF_UP);
        }
        return mantissa.toPlainString() + (upper ? "E" : "e") + (exp < 0 ? "-" : "+")
                + String.format("%03d", Math.abs(exp));
    }

    private static String general(Number n, BigDecimal v, Integer precision) {
        if (precision == null || precision == 0) {
            return org.drizzle.cmdlets.lang.LanguagePrimitives.toStr(n);
        }
        BigDecimal r = v.round(new java.math.MathContext(precision, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exp = r.precision() - r.scale() - 1;
        if (exp >= -5 && exp < precision) {
            return r.toPlainString();
        }
        String m = r.movePointLeft(exp).toPlainString();
        return m + "E" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }

    /** Custom patterns: java.text.DecimalFormat reads .NET's 0 # , . % and quoted literals the same way. */
    private static String custom(Number n, String spec) {
        try {
            DecimalFormat f = new DecimalFormat(spec, US);
            f.setRoundingMode(RoundingMode.HALF_UP);
            return negativeZero(f.format(decimal(n)));
        } catch (IllegalArgumentException e) {
            throw badFormat(spec, n);
        }
    }

    private static DotNetException badFormat(String spec, Number n) {
        return new DotNetException("FormatException", "Format specifier '" + spec + "' was invalid for the value " + n + ".");
    }
}
