package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.dotnet.DotNetTypes;
import org.drizzle.cmdlets.dotnet.InstanceMembers;
import org.drizzle.cmdlets.dotnet.TypeAdapter;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * The operators and member rules that are not plain comparisons or arithmetic: ranges,
 * -replace/-split/-join, bitwise operators, indexing (negative indexes, slices), switch
 * matching, and member access with the host's extras (Date/TimeSpan members, script blocks).
 */
final class Operators {
    private Operators() {
    }

    static List<Object> range(Object l, Object r) {
        int a = LanguagePrimitives.toInt(l);
        int b = LanguagePrimitives.toInt(r);
        List<Object> out = new ArrayList<>();
        int step = a <= b ? 1 : -1;
        for (int i = a; ; i += step) {
            out.add(i);
            if (i == b) {
                break;
            }
        }
        return out;
    }

    /** {@code -replace pattern, replacement}: regex, case-insensitive unless -creplace; $1 and ${name} groups. */
    static Object replace(boolean cs, Object l, Object r) {
        List<Object> spec = LanguagePrimitives.toList(r);
        String pattern = LanguagePrimitives.toStr(spec.isEmpty() ? "" : spec.get(0));
        String replacement = spec.size() > 1 ? LanguagePrimitives.toStr(spec.get(1)) : "";
        Pattern p = Pattern.compile(pattern, cs ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        String javaReplacement = org.drizzle.cmdlets.dotnet.RegexType.javaReplacement(replacement);
        if (LanguagePrimitives.isEnumerable(l)) {
            List<Object> out = new ArrayList<>();
            for (Object o : LanguagePrimitives.toList(l)) {
                out.add(p.matcher(LanguagePrimitives.toStr(o)).replaceAll(javaReplacement));
            }
            return out;
        }
        return p.matcher(LanguagePrimitives.toStr(l)).replaceAll(javaReplacement);
    }

    /** Binary -split (regex) and unary -split (white space). */
    static Object split(boolean cs, Object l, Object r) {
        List<Object> out = new ArrayList<>();
        for (Object o : LanguagePrimitives.toList(l)) {
            String s = LanguagePrimitives.toStr(o);
            if (r == null) {
                for (String part : s.trim().split("\\s+")) {
                    if (!part.isEmpty()) {
                        out.add(part);
                    }
                }
                continue;
            }
            List<Object> spec = LanguagePrimitives.toList(r);
            String regex = LanguagePrimitives.toStr(spec.get(0));
            int limit = spec.size() > 1 ? LanguagePrimitives.toInt(spec.get(1)) : 0;
            Pattern p = Pattern.compile(regex, cs ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            out.addAll(List.of(p.split(s, limit <= 0 ? -1 : limit)));
        }
        return out;
    }

    static Object join(Object l, Object r) {
        String sep = LanguagePrimitives.toStr(r);
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (Object o : LanguagePrimitives.toList(l)) {
            if (!first) {
                b.append(sep);
            }
            first = false;
            b.append(LanguagePrimitives.toStr(o));
        }
        return b.toString();
    }

    static Object bitwise(String op, Object l, Object r) {
        long a = LanguagePrimitives.toLong(l);
        long b = LanguagePrimitives.toLong(r);
        long v = switch (op) {
            case "band" -> a & b;
            case "bor" -> a | b;
            case "bxor" -> a ^ b;
            case "shl" -> a << b;
            default -> a >> b;
        };
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE && l instanceof Integer ? (Object) (int) v : (Object) v;
    }

    /** Text of a value inside "...": arrays join with $OFS (a space by default). */
    static String interpolate(Object v, Object ofs) {
        if (LanguagePrimitives.isEnumerable(v)) {
            String sep = ofs == null ? " " : LanguagePrimitives.toStr(ofs);
            StringBuilder b = new StringBuilder();
            for (Object o : LanguagePrimitives.toList(v)) {
                if (b.length() > 0) {
                    b.append(sep);
                }
                b.append(LanguagePrimitives.toStr(o));
            }
            return b.toString();
        }
        return LanguagePrimitives.toStr(v);
    }

    /** {@code $a[i]}, {@code $a[-1]}, {@code $a[0,2]}, {@code $a[1..3]}, {@code $h['key']}, {@code $s[0]}. */
    static Object index(Object target, Object index) {
        if (target == null) {
            throw new IllegalArgumentException("Cannot index into a null array.");
        }
        if (target instanceof Map<?, ?> m) {
            if (LanguagePrimitives.isEnumerable(index)) {
                List<Object> out = new ArrayList<>();
                LanguagePrimitives.toList(index).forEach(k -> out.add(m.get(k)));
                return out;
            }
            Object v = m.get(index);
            return v == null && !(index instanceof String) ? m.get(LanguagePrimitives.toStr(index)) : v;
        }
        if (LanguagePrimitives.isEnumerable(index)) {
            List<Object> out = new ArrayList<>();
            for (Object i : LanguagePrimitives.toList(index)) {
                Object v = index(target, i);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        int i = LanguagePrimitives.toInt(index);
        if (target instanceof String s) {
            int k = i < 0 ? s.length() + i : i;
            return k >= 0 && k < s.length() ? String.valueOf(s.charAt(k)) : null;
        }
        List<Object> items = LanguagePrimitives.isEnumerable(target) ? LanguagePrimitives.toList(target) : List.of(target);
        int k = i < 0 ? items.size() + i : i;
        return k >= 0 && k < items.size() ? items.get(k) : null;
    }

    /** A comparison operator by name ({@code "eq"}, {@code "cnotlike"}...); a scalar -match sets $Matches. */
    static Object compare(ScriptRunner rt, String op, Object l, Object r) {
        String o = op.toLowerCase(Locale.ROOT);
        if (o.endsWith("match") && !LanguagePrimitives.isEnumerable(l)) {
            Hashtable m = Comparison.match(l, r, o.startsWith("c"));
            if (m != null) {
                rt.setVariable("Matches", m);
            }
            return o.contains("not") == (m == null);
        }
        return Comparison.apply(o, l, r);
    }

    /** One switch clause: a script block is a condition; else -eq, -like or -match on the value. */
    static boolean switchMatch(ScriptRunner rt, Object value, Object pattern, String flags) {
        if (pattern instanceof ScriptBlock sb) {
            List<Object> r = sb.invokeWithInput(value);
            return LanguagePrimitives.isTrue(r.size() == 1 ? r.get(0) : r);
        }
        boolean cs = flags.contains("c");
        if (flags.contains("r")) {
            Object m = compare(rt, cs ? "cmatch" : "match", LanguagePrimitives.toStr(value), pattern);
            return LanguagePrimitives.isTrue(m);
        }
        if (flags.contains("w")) {
            return WildcardPattern.of(LanguagePrimitives.toStr(pattern), cs).matches(LanguagePrimitives.toStr(value));
        }
        String v = LanguagePrimitives.toStr(value);
        String p = LanguagePrimitives.toStr(pattern);
        if (value instanceof Number && pattern instanceof Number) {
            return org.drizzle.cmdlets.lang.Comparison.areEqual(value, pattern, cs);
        }
        return cs ? v.equals(p) : v.equalsIgnoreCase(p);
    }

    /** Member reads (.NET instance members via the cmdlets module), with the Count on scalars PowerShell provides. */
    static Object getMember(ScriptRunner rt, Object target, String name) {
        if (target != null && !LanguagePrimitives.isEnumerable(target) && !(target instanceof Map<?, ?>)
                && (name.equalsIgnoreCase("Count") || name.equalsIgnoreCase("Length") && !(target instanceof String))
                && !InstanceMembers.hasProperty(target, name)) {
            return 1;
        }
        if (target == null && name.equalsIgnoreCase("Count")) {
            return 0;
        }
        if (rt.strictVersion() >= 2 && !LanguagePrimitives.isEnumerable(target) && !InstanceMembers.hasProperty(target, name)) {
            throw new IllegalArgumentException(target == null
                    ? "The property '" + name + "' cannot be found because the object is null (strict mode)."
                    : "The property '" + name + "' cannot be found on this object. Verify that the property exists.");
        }
        return InstanceMembers.getProperty(target, name);
    }

    static Object invoke(Object target, String name, List<Object> args) {
        if (target instanceof ScriptBlockImpl sb && (name.equalsIgnoreCase("Invoke") || name.equalsIgnoreCase("InvokeReturnAsIs"))) {
            List<Object> out = sb.invokeWithInput(null, args.toArray());
            return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
        }
        return InstanceMembers.invokeMethod(target, name, args);
    }

    /** {@code -is}: the curated .NET types first, then the host's own. */
    static boolean is(Object v, Object type) {
        String name = typeName(type);
        Optional<TypeAdapter> t = DotNetTypes.find(name);
        return t.isPresent() ? t.get().isInstance(v) : TypeResolver.is(v, name);
    }

    /** {@code -as}: the conversion, or $null when it fails. */
    static Object as(Object v, Object type) {
        String name = typeName(type);
        Optional<TypeAdapter> t = DotNetTypes.find(name);
        return t.isPresent() ? DotNetTypes.tryConvert(t.get(), v) : TypeResolver.as(v, name);
    }

    private static String typeName(Object type) {
        return type instanceof TypeRef t ? t.name() : LanguagePrimitives.toStr(type);
    }

    /** Casts: the curated .NET types of the cmdlets module first, then the host's own (pscustomobject, ordered...). */
    static Object cast(String type, Object v) {
        if (!TypeResolver.isHostType(type)) {
            Optional<TypeAdapter> t = DotNetTypes.find(type);
            if (t.isPresent()) {
                return t.get().convert(v);
            }
        }
        return TypeResolver.cast(type, v);
    }

    /** {@code @{ k = v; ... }} from alternating keys and values; a repeated key is an error, as in PowerShell. */
    static Hashtable hashLiteral(Object... kv) {
        Hashtable h = new Hashtable();
        for (int i = 0; i < kv.length; i += 2) {
            if (h.containsKey(kv[i])) {
                throw new IllegalArgumentException("Duplicate keys '" + kv[i] + "' are not allowed in hash literals.");
            }
            h.put(kv[i], kv[i + 1]);
        }
        return h;
    }

    /** {@code target[index] = value} on a dictionary or a list (a negative index counts from the end). */
    @SuppressWarnings("unchecked")
    static void setIndex(Object target, Object index, Object value) {
        if (target instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(index, value);
        } else if (target instanceof List<?> l) {
            int i = LanguagePrimitives.toInt(index);
            ((List<Object>) l).set(i < 0 ? l.size() + i : i, value);
        } else {
            throw new IllegalArgumentException("Unable to index into an object of type " + Members.typeName(target) + ".");
        }
    }
}
