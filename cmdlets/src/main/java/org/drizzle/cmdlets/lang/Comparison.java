package org.drizzle.cmdlets.lang;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * PowerShell's -eq/-ne/-gt/-ge/-lt/-le, -like, -match, -contains and -in. The left operand's
 * type drives the conversion of the right one; strings compare case-insensitively unless
 * {@code caseSensitive}; enums compare with their names; an array on the left filters
 * (see {@link #filter}).
 */
public final class Comparison {
    private Comparison() {
    }

    /** -eq for scalars: converts {@code right} to the type of {@code left}; false when it cannot. */
    public static boolean areEqual(Object left, Object right, boolean caseSensitive) {
        if (left == null || right == null) {
            return left == null && right == null;
        }
        if (left instanceof CharSequence || left instanceof Character) {
            String r = LanguagePrimitives.toStr(right);
            return caseSensitive ? left.toString().equals(r) : left.toString().equalsIgnoreCase(r);
        }
        if (left instanceof Enum<?> e) {
            if (right instanceof Number n) {
                return e.ordinal() == n.intValue();
            }
            String name = ValueFormatter.format(e);
            String r = LanguagePrimitives.toStr(right);
            return caseSensitive ? name.equals(r) : name.equalsIgnoreCase(r) || e.name().equalsIgnoreCase(r);
        }
        if (left instanceof Boolean b) {
            return b == LanguagePrimitives.isTrue(right);
        }
        if (left instanceof Number) {
            Number r = numberOrNull(right);
            return r != null && compareNumbers((Number) left, r) == 0;
        }
        if (left instanceof UUID u) {
            try {
                return u.equals(LanguagePrimitives.toGuid(right));
            } catch (ConversionException e) {
                return false;
            }
        }
        if (left instanceof Temporal) {
            try {
                return compare(left, right, caseSensitive) == 0;
            } catch (ConversionException e) {
                return false;
            }
        }
        return left.equals(right);
    }

    /**
     * Orders two scalars for -gt/-lt and Sort-Object: $null sorts first, strings compare by
     * text (culture-like, case-insensitive by default), numbers by value, dates by instant.
     *
     * @throws ConversionException when {@code right} cannot be converted to the left's type
     */
    public static int compare(Object left, Object right, boolean caseSensitive) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        if (left instanceof CharSequence || left instanceof Character) {
            String l = left.toString();
            String r = LanguagePrimitives.toStr(right);
            int c = l.compareToIgnoreCase(r);
            return c != 0 || !caseSensitive ? c : l.compareTo(r);
        }
        if (left instanceof Enum<?> e) {
            if (right instanceof Enum<?> re && re.getClass() == e.getClass()) {
                return Integer.compare(e.ordinal(), re.ordinal());
            }
            return compare(ValueFormatter.format(e), right, caseSensitive);
        }
        if (left instanceof Boolean b) {
            return Boolean.compare(b, LanguagePrimitives.isTrue(right));
        }
        if (left instanceof Number n) {
            return compareNumbers(n, LanguagePrimitives.toNumber(right));
        }
        if (left instanceof Temporal) {
            return LanguagePrimitives.toDateTime(left).toInstant()
                    .compareTo(LanguagePrimitives.toDateTime(right).toInstant());
        }
        if (left instanceof java.time.Duration d && right instanceof java.time.Duration rd) {
            return d.compareTo(rd);
        }
        if (left instanceof Comparable<?> && left.getClass().isInstance(right)) {
            @SuppressWarnings("unchecked")
            Comparable<Object> c = (Comparable<Object>) left;
            return c.compareTo(right);
        }
        return compare(LanguagePrimitives.toStr(left), right, caseSensitive);
    }

    /** Numeric comparison across Integer/Long/Double/BigInteger (UInt64.MaxValue included). */
    public static int compareNumbers(Number a, Number b) {
        if (isIntegral(a) && isIntegral(b)) {
            if (a instanceof BigInteger || b instanceof BigInteger) {
                return toBig(a).compareTo(toBig(b));
            }
            return Long.compare(a.longValue(), b.longValue());
        }
        if (a instanceof BigInteger || b instanceof BigInteger || a instanceof BigDecimal || b instanceof BigDecimal) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        return Double.compare(a.doubleValue(), b.doubleValue()) == 0 ? 0
                : a.doubleValue() < b.doubleValue() ? -1 : 1;
    }

    static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger;
    }

    private static BigInteger toBig(Number n) {
        return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
    }

    private static Number numberOrNull(Object v) {
        try {
            return LanguagePrimitives.toNumber(v);
        } catch (ConversionException e) {
            return null;
        }
    }

    /**
     * The comparison operators by name ("eq", "cne", "igt", "like", "notmatch", ...). A scalar
     * left operand gives a Boolean; an array on the left gives the elements for which the
     * comparison holds (so {@code @(1,2,3) -gt 1} is {@code @(2,3)}).
     */
    public static Object apply(String op, Object left, Object right) {
        String o = op.toLowerCase(Locale.ROOT);
        boolean cs = o.startsWith("c") && !o.startsWith("contains");
        if (cs || (o.startsWith("i") && !o.equals("in") && !o.startsWith("is"))) {
            o = o.substring(1);
        }
        switch (o) {
            case "contains", "notcontains" -> {
                boolean found = false;
                for (Object item : LanguagePrimitives.toList(left)) {
                    if (areEqual(item, right, cs)) {
                        found = true;
                        break;
                    }
                }
                return found == o.equals("contains");
            }
            case "in", "notin" -> {
                boolean found = false;
                for (Object item : LanguagePrimitives.toList(right)) {
                    if (areEqual(item, left, cs)) {
                        found = true;
                        break;
                    }
                }
                return found == o.equals("in");
            }
            default -> {
                final String name = o;
                if (LanguagePrimitives.isEnumerable(left)) {
                    return filter(LanguagePrimitives.toList(left), item -> test(name, item, right, cs));
                }
                return test(name, left, right, cs);
            }
        }
    }

    private static List<Object> filter(List<Object> items, java.util.function.Predicate<Object> p) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            if (p.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /** One scalar comparison; -match results are reported by {@link #match} instead when $Matches is needed. */
    public static boolean test(String op, Object left, Object right, boolean cs) {
        switch (op) {
            case "eq":
                return areEqual(left, right, cs);
            case "ne":
                return !areEqual(left, right, cs);
            case "gt":
                return compare(left, right, cs) > 0;
            case "ge":
                return compare(left, right, cs) >= 0;
            case "lt":
                return compare(left, right, cs) < 0;
            case "le":
                return compare(left, right, cs) <= 0;
            case "like":
                return WildcardPattern.of(LanguagePrimitives.toStr(right), cs).matches(LanguagePrimitives.toStr(left));
            case "notlike":
                return !WildcardPattern.of(LanguagePrimitives.toStr(right), cs).matches(LanguagePrimitives.toStr(left));
            case "match":
                return match(left, right, cs) != null;
            case "notmatch":
                return match(left, right, cs) == null;
            default:
                throw new IllegalArgumentException("Unknown comparison operator -" + op);
        }
    }

    /**
     * -match on one value: returns the $Matches table (group 0 and numbered and named groups)
     * or null when the regex does not match.
     */
    public static Hashtable match(Object left, Object right, boolean cs) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(LanguagePrimitives.toStr(right),
                cs ? 0 : java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
        java.util.regex.Matcher m = p.matcher(LanguagePrimitives.toStr(left));
        if (!m.find()) {
            return null;
        }
        Hashtable matches = new Hashtable();
        for (int g = m.groupCount(); g >= 0; g--) {
            if (m.group(g) != null) {
                matches.put(g, m.group(g));
            }
        }
        for (String name : namedGroups(p.pattern())) {
            if (m.group(name) != null) {
                matches.put(name, m.group(name));
            }
        }
        return matches;
    }

    private static List<String> namedGroups(String regex) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
