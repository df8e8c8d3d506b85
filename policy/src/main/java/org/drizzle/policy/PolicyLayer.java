package org.drizzle.policy;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated values one source supplies, keyed by their canonical {@link PolicyKey}.
 * {@link #validate} is the one mapping from "value name to raw value" that the JSON file, the
 * registry and the fleet URL all share, so a GPO export and a JSON file mean the same thing.
 *
 * @param origin where the values were read, for messages ("/etc/drizzle/policy.json")
 */
public record PolicyLayer(PolicySource source, String origin, Map<PolicyKey, Object> values) {

    public PolicyLayer {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A source that sets nothing (file absent, key missing). */
    public static PolicyLayer empty(PolicySource source, String origin) {
        return new PolicyLayer(source, origin, Map.of());
    }

    /**
     * Checks every raw value against its key's type and documented range. DWORDs become
     * {@code Long}, strings {@code String}, multi-strings {@code List<String>}. Every problem
     * is collected, so one rejection lists them all.
     *
     * @param raw path (case-insensitive, backslash-separated) to a Number, Boolean, String,
     *            String[] or Collection of strings
     */
    public static PolicyLayer validate(PolicySource source, String origin, Map<String, ?> raw)
            throws PolicyRejectedException {
        Map<PolicyKey, Object> values = new LinkedHashMap<>();
        Map<PolicyKey, String> spelledAs = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            PolicyKey key = PolicySchema.find(e.getKey());
            if (key == null) {
                problems.add("unknown policy value " + quote(e.getKey()));
                continue;
            }
            String first = spelledAs.putIfAbsent(key, e.getKey());
            if (first != null) {
                // Value names ignore case, as in the registry: which of the two would win is not obvious.
                problems.add(quote(first) + " and " + quote(e.getKey()) + " differ only in case and both set "
                        + key.path() + "; keep one");
                continue;
            }
            String problem = convert(key, e.getValue(), values);
            if (problem != null) {
                problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyRejectedException(origin, problems);
        }
        return new PolicyLayer(source, origin, values);
    }

    /** Stores the converted value, or returns the problem naming key, value and range. */
    private static String convert(PolicyKey key, Object value, Map<PolicyKey, Object> into) {
        String bad = key.path() + " = " + show(value) + " is not valid; allowed: " + key.rangeText();
        switch (key.kind()) {
            case STRING:
                if (!(value instanceof String)) {
                    return bad;
                }
                into.put(key, value);
                return null;
            case MULTI_STRING:
                List<String> list = stringList(value);
                if (list == null) {
                    return bad;
                }
                into.put(key, list);
                return null;
            default:
                Long number = dword(value, key);
                if (number == null || number < key.min() || number > key.max()) {
                    return bad;
                }
                into.put(key, number);
                return null;
        }
    }

    private static Long dword(Object value, PolicyKey key) {
        if (value instanceof Boolean && key.max() == 1) {
            return (Boolean) value ? 1L : 0L;
        }
        if (value instanceof Integer) {
            // The registry hands REG_DWORD over as a signed int; the value is unsigned.
            return Integer.toUnsignedLong((Integer) value);
        }
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value instanceof BigInteger) {
            BigInteger big = (BigInteger) value;
            return big.bitLength() < 63 ? big.longValue() : null;
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal dec = new BigDecimal(value.toString());
            try {
                return dec.longValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (value instanceof String) {
            String text = ((String) value).trim().toLowerCase(Locale.ROOT);
            try {
                return text.startsWith("0x") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> stringList(Object value) {
        Collection<?> items;
        if (value instanceof String[]) {
            items = List.of((String[]) value);
        } else if (value instanceof Collection) {
            items = (Collection<?>) value;
        } else {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String) || ((String) item).isBlank()) {
                return null;
            }
            out.add(((String) item).trim());
        }
        return List.copyOf(out);
    }

    /** A value for a rejection (which is logged): strings quoted, control characters escaped as JSON does. */
    private static String show(Object value) {
        if (value instanceof String) {
            return quote((String) value);
        }
        String text = value instanceof String[] ? List.of((String[]) value).toString() : String.valueOf(value);
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** {@code text} as a JSON string literal, so a line break in a name or value stays {@code \n}. */
    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
