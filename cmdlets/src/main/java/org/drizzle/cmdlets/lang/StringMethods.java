package org.drizzle.cmdlets.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The .NET string, list and hashtable methods admin scripts call ({@code $s.Trim()},
 * {@code $s.Split(',')}, {@code $list.Contains($x)}, {@code $h.ContainsKey('a')}), with .NET's
 * semantics: string methods are case-sensitive and ordinal, Split takes separator characters.
 */
final class StringMethods {
    /** Returned when the method is not one of these, so {@link Members} reflects instead. */
    static final Object NOT_FOUND = new Object();

    private StringMethods() {
    }

    static Object invoke(Object target, String lname, List<Object> args) {
        if (target instanceof String s) {
            return onString(s, lname, args);
        }
        if (target instanceof Map<?, ?> m) {
            return onMap(m, lname, args);
        }
        if (target instanceof Collection<?> || (target != null && target.getClass().isArray())) {
            return onCollection(target, lname, args);
        }
        return NOT_FOUND;
    }

    private static String arg(List<Object> args, int i) {
        return LanguagePrimitives.toStr(args.get(i));
    }

    private static int intArg(List<Object> args, int i) {
        return LanguagePrimitives.toInt(args.get(i));
    }

    private static Object onString(String s, String lname, List<Object> args) {
        int n = args.size();
        switch (lname) {
            case "toupper", "toupperinvariant":
                return s.toUpperCase(java.util.Locale.ROOT);
            case "tolower", "tolowerinvariant":
                return s.toLowerCase(java.util.Locale.ROOT);
            case "trim":
                return n == 0 ? s.strip() : trim(s, arg(args, 0), true, true);
            case "trimstart":
                return n == 0 ? s.stripLeading() : trim(s, arg(args, 0), true, false);
            case "trimend":
                return n == 0 ? s.stripTrailing() : trim(s, arg(args, 0), false, true);
            case "startswith":
                return n == 2 && isIgnoreCase(args.get(1)) ? s.toLowerCase().startsWith(arg(args, 0).toLowerCase()) : s.startsWith(arg(args, 0));
            case "endswith":
                return n == 2 && isIgnoreCase(args.get(1)) ? s.toLowerCase().endsWith(arg(args, 0).toLowerCase()) : s.endsWith(arg(args, 0));
            case "contains":
                return n == 2 && isIgnoreCase(args.get(1)) ? s.toLowerCase().contains(arg(args, 0).toLowerCase()) : s.contains(arg(args, 0));
            case "indexof":
                if (n == 2 && args.get(1) instanceof Enum<?>) {
                    return isIgnoreCase(args.get(1)) ? s.toLowerCase().indexOf(arg(args, 0).toLowerCase()) : s.indexOf(arg(args, 0));
                }
                return n == 1 ? s.indexOf(arg(args, 0)) : s.indexOf(arg(args, 0), intArg(args, 1));
            case "lastindexof":
                return s.lastIndexOf(arg(args, 0));
            case "substring":
                return n == 1 ? s.substring(intArg(args, 0)) : s.substring(intArg(args, 0), intArg(args, 0) + intArg(args, 1));
            case "replace":
                return s.replace(arg(args, 0), arg(args, 1));
            case "split":
                return split(s, args);
            case "padleft":
                return pad(s, intArg(args, 0), n > 1 ? arg(args, 1).charAt(0) : ' ', true);
            case "padright":
                return pad(s, intArg(args, 0), n > 1 ? arg(args, 1).charAt(0) : ' ', false);
            case "insert":
                return s.substring(0, intArg(args, 0)) + arg(args, 1) + s.substring(intArg(args, 0));
            case "remove":
                return n == 1 ? s.substring(0, intArg(args, 0))
                        : s.substring(0, intArg(args, 0)) + s.substring(intArg(args, 0) + intArg(args, 1));
            case "tochararray":
                List<Object> chars = new ArrayList<>();
                s.chars().forEach(c -> chars.add(String.valueOf((char) c)));
                return chars;
            case "compareto":
                return Integer.signum(s.compareTo(arg(args, 0)));
            default:
                return NOT_FOUND;
        }
    }

    private static boolean isIgnoreCase(Object comparison) {
        return LanguagePrimitives.toStr(comparison).toLowerCase().contains("ignorecase");
    }

    /** String.Split(chars): every character of the argument(s) is a separator; empty fields are kept. */
    private static Object split(String s, List<Object> args) {
        if (args.isEmpty()) {
            return List.of((Object[]) s.split("\\s", -1));
        }
        StringBuilder set = new StringBuilder();
        for (Object a : LanguagePrimitives.toList(args.get(0))) {
            set.append(LanguagePrimitives.toStr(a));
        }
        String regex = "[" + Pattern.quote(set.toString()).replace("\\Q", "").replace("\\E", "")
                .replaceAll("([\\\\\\[\\]^-])", "\\\\$1") + "]";
        boolean removeEmpty = args.size() > 1 && LanguagePrimitives.toStr(args.get(1)).toLowerCase().contains("removeempty");
        List<Object> out = new ArrayList<>();
        for (String part : s.split(regex, -1)) {
            if (!removeEmpty || !part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    private static String trim(String s, String chars, boolean start, boolean end) {
        int b = 0;
        int e = s.length();
        while (start && b < e && chars.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (end && e > b && chars.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    private static String pad(String s, int width, char c, boolean left) {
        if (s.length() >= width) {
            return s;
        }
        String fill = String.valueOf(c).repeat(width - s.length());
        return left ? fill + s : s + fill;
    }

    @SuppressWarnings("unchecked")
    private static Object onMap(Map<?, ?> m, String lname, List<Object> args) {
        Map<Object, Object> map = (Map<Object, Object>) m;
        switch (lname) {
            case "containskey", "contains":
                return map.containsKey(args.get(0));
            case "containsvalue":
                return map.containsValue(args.get(0));
            case "add":
                if (map.containsKey(args.get(0))) {
                    throw new IllegalArgumentException("Item has already been added. Key in dictionary: '" + args.get(0) + "'");
                }
                map.put(args.get(0), args.get(1));
                return null;
            case "remove":
                map.remove(args.get(0));
                return null;
            case "clear":
                map.clear();
                return null;
            default:
                return NOT_FOUND;
        }
    }

    @SuppressWarnings("unchecked")
    private static Object onCollection(Object target, String lname, List<Object> args) {
        List<Object> items = LanguagePrimitives.toList(target);
        switch (lname) {
            case "contains":
                for (Object i : items) {
                    if (Comparison.areEqual(i, args.get(0), true)) {
                        return true;
                    }
                }
                return false;
            case "indexof":
                for (int i = 0; i < items.size(); i++) {
                    if (Comparison.areEqual(items.get(i), args.get(0), true)) {
                        return i;
                    }
                }
                return -1;
            case "add":
                if (target instanceof Collection<?> c) {
                    try {
                        ((Collection<Object>) c).add(args.get(0));
                        return c.size() - 1;
                    } catch (UnsupportedOperationException e) {
                        throw new IllegalArgumentException("Collection was of a fixed size.");
                    }
                }
                throw new IllegalArgumentException("Collection was of a fixed size.");
            default:
                return NOT_FOUND;
        }
    }
}
