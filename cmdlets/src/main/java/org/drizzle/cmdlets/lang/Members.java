package org.drizzle.cmdlets.lang;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Property and method access with PowerShell's rules: names ignore case; a property that does
 * not exist reads as $null; {@link PropertyBag}s (live objects) are asked by name; maps expose
 * their keys; records, beans and public fields are reflected; a collection without the member
 * enumerates it over its elements ({@code $jobs.JobState}). String and collection methods are
 * in {@link StringMethods}; other methods are found by name and argument count.
 */
public final class Members {
    private static final Map<Class<?>, Map<String, Accessor>> ACCESSORS = new ConcurrentHashMap<>();

    private Members() {
    }

    /** One readable (and maybe writable) property of a Java class. */
    private record Accessor(String name, Method getter, Method setter, Field field) {
        Object get(Object target) {
            try {
                return getter != null ? getter.invoke(target) : field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot read property '" + name + "': " + e.getMessage(), e);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
        }

        boolean writable() {
            return setter != null || (field != null && !Modifier.isFinal(field.getModifiers()));
        }

        void set(Object target, Object value) {
            try {
                if (setter != null) {
                    setter.invoke(target, LanguagePrimitives.convertTo(value, setter.getParameterTypes()[0]));
                } else {
                    field.set(target, LanguagePrimitives.convertTo(value, field.getType()));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot set property '" + name + "': " + e.getMessage(), e);
            } catch (InvocationTargetException e) {
                throw unwrap(e);
            }
        }
    }

    static RuntimeException unwrap(InvocationTargetException e) {
        Throwable t = e.getCause();
        return t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
    }

    /** True when {@code target} itself (not its elements) has the property. */
    public static boolean hasProperty(Object target, String name) {
        if (target == null) {
            return false;
        }
        if (target instanceof PropertyBag bag) {
            return bag.hasProperty(name);
        }
        if (target instanceof Map<?, ?> map) {
            return map.containsKey(name) || findKey(map, name) != null;
        }
        return accessors(target.getClass()).containsKey(lower(name)) || isSizeName(target, name);
    }

    /** Reads {@code target.name}: $null when the object has no such property (non-strict mode). */
    public static Object getProperty(Object target, String name) {
        if (target == null) {
            return null;
        }
        if (lower(name).equals("psobject") && !(target instanceof PSObjectView)) {
            return new PSObjectView(target);
        }
        if (lower(name).equals("pstypenames") && !(target instanceof PropertyBag bag && bag.hasProperty(name))) {
            return new PSObjectView(target).getProperty("TypeNames");
        }
        if (target instanceof PropertyBag bag) {
            return bag.getProperty(name);
        }
        if (target instanceof Map<?, ?> map) {
            Object key = findKey(map, name);
            if (key != null) {
                return map.get(key);
            }
            return switch (lower(name)) {
                case "count" -> map.size();
                case "keys" -> new ArrayList<>(map.keySet());
                case "values" -> new ArrayList<>(map.values());
                default -> null;
            };
        }
        if (isSizeName(target, name)) {
            return target instanceof CharSequence s ? s.length() : LanguagePrimitives.toList(target).size();
        }
        if (LanguagePrimitives.isEnumerable(target)) {
            return enumerate(LanguagePrimitives.toList(target), item -> getProperty(item, name));
        }
        Accessor a = accessors(target.getClass()).get(lower(name));
        return a == null ? null : a.get(target);
    }

    /** Assigns {@code target.name = value}; a clear error when the property is missing or read-only. */
    @SuppressWarnings("unchecked")
    public static void setProperty(Object target, String name, Object value) {
        if (target == null) {
            throw new IllegalArgumentException("The property '" + name + "' cannot be found on this object. "
                    + "Verify that the property exists and can be set.");
        }
        if (target instanceof PropertyBag bag) {
            bag.setProperty(name, value);
            return;
        }
        if (target instanceof Map<?, ?> map) {
            Object key = findKey(map, name);
            ((Map<Object, Object>) map).put(key == null ? name : key, value);
            return;
        }
        Accessor a = accessors(target.getClass()).get(lower(name));
        if (a == null || !a.writable()) {
            throw new IllegalArgumentException((a == null ? "The property '" + name + "' cannot be found on this object."
                    : "'" + a.name() + "' is a ReadOnly property."));
        }
        a.set(target, value);
    }

    /** Property names in display order (records: component order; beans: getters; maps: keys). */
    public static List<String> propertyNames(Object target) {
        if (target == null) {
            return Collections.emptyList();
        }
        if (target instanceof PropertyBag bag) {
            return bag.propertyNames();
        }
        if (target instanceof Map<?, ?> map) {
            List<String> names = new ArrayList<>();
            map.keySet().forEach(k -> names.add(String.valueOf(k)));
            return names;
        }
        List<String> names = new ArrayList<>();
        accessors(target.getClass()).values().forEach(a -> names.add(a.name()));
        return names;
    }

    /** True for scalars PowerShell prints as themselves rather than as a property table. */
    public static boolean isScalar(Object v) {
        return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum<?> || v instanceof java.util.UUID
                || v instanceof java.time.temporal.Temporal || v instanceof java.time.Duration
                || v instanceof java.nio.file.Path || v instanceof java.net.URI;
    }

    /**
     * Calls {@code target.name(args)}: string and collection methods PowerShell scripts use,
     * then a public Java method with that name (ignoring case) and argument count; on a
     * collection without the method, calls it on every element.
     */
    public static Object invokeMethod(Object target, String name, List<Object> args) {
        if (target == null) {
            throw new IllegalArgumentException("You cannot call a method on a null-valued expression.");
        }
        String lname = lower(name);
        if (lname.equals("tostring") && args.isEmpty()) {
            return LanguagePrimitives.toStr(target);
        }
        if (lname.equals("gettype") && args.isEmpty()) {
            return new RuntimeType(typeName(target));
        }
        if (lname.equals("equals") && args.size() == 1) {
            return Comparison.areEqual(target, args.get(0), true);
        }
        Object result = StringMethods.invoke(target, lname, args);
        if (result != StringMethods.NOT_FOUND) {
            return result;
        }
        Method m = findMethod(target.getClass(), name, args.size());
        if (m == null) {
            if (LanguagePrimitives.isEnumerable(target)) {
                return enumerate(LanguagePrimitives.toList(target), item -> invokeMethod(item, name, args));
            }
            throw new IllegalArgumentException("Method invocation failed because [" + typeName(target)
                    + "] does not contain a method named '" + name + "'.");
        }
        Object[] converted = new Object[args.size()];
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < converted.length; i++) {
            converted[i] = LanguagePrimitives.convertTo(args.get(i), types[i]);
        }
        try {
            Object r = m.invoke(target, converted);
            return m.getReturnType() == void.class ? null : r;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call '" + name + "': " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    /** The PowerShell-style type name used in messages (System.String for strings). */
    /** The .NET full name of {@code v}'s type as PowerShell reports it (GetType().FullName, Get-Member, errors). */
    public static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        String known = knownTypeName(v);
        if (known != null) {
            return known;
        }
        if (LanguagePrimitives.isEnumerable(v)) {
            return "System.Object[]";
        }
        return org.drizzle.cmdlets.dotnet.DotNetTypes.nameOf(v).orElse("System.Management.Automation.PSObject");
    }

    private static String knownTypeName(Object v) {
        if (v instanceof CharSequence) {
            return "System.String";
        }
        if (v instanceof Integer) {
            return "System.Int32";
        }
        if (v instanceof Long) {
            return "System.Int64";
        }
        if (v instanceof Double) {
            return "System.Double";
        }
        if (v instanceof Float) {
            return "System.Single";
        }
        if (v instanceof Short) {
            return "System.Int16";
        }
        if (v instanceof Byte) {
            return "System.Byte";
        }
        if (v instanceof Character) {
            return "System.Char";
        }
        if (v instanceof java.math.BigDecimal) {
            return "System.Decimal";
        }
        if (v instanceof java.math.BigInteger) {
            return "System.UInt64";
        }
        if (v instanceof Boolean) {
            return "System.Boolean";
        }
        if (v instanceof java.time.temporal.Temporal && !(v instanceof java.time.Duration)) {
            return "System.DateTime";
        }
        if (v instanceof java.time.Duration) {
            return "System.TimeSpan";
        }
        if (v instanceof java.util.UUID) {
            return "System.Guid";
        }
        if (v instanceof java.net.URI) {
            return "System.Uri";
        }
        if (v instanceof PSCustomObject) {
            return "System.Management.Automation.PSCustomObject";
        }
        if (v instanceof Map<?, ?>) {
            return "System.Collections.Hashtable";
        }
        if (v instanceof RuntimeType) {
            return "System.RuntimeType";
        }
        if (v instanceof PSReference) {
            return "System.Management.Automation.PSReference";
        }
        if (v instanceof org.drizzle.cmdlets.api.ErrorRecord) {
            return "System.Management.Automation.ErrorRecord";
        }
        if (v instanceof org.drizzle.cmdlets.api.StreamRecord r) {
            return "System.Management.Automation." + r.Stream() + "Record";
        }
        if (v instanceof Throwable t) {
            return exceptionTypeName(t);
        }
        return null;
    }

    /** A .NET exception type for a Java one (what $_.Exception.GetType().FullName and error views show). */
    private static String exceptionTypeName(Throwable t) {
        if (t instanceof IllegalArgumentException) {
            return "System.ArgumentException";
        }
        if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
            return "System.IO.IOException";
        }
        if (t instanceof UnsupportedOperationException) {
            return "System.NotSupportedException";
        }
        if (t instanceof ArithmeticException) {
            return "System.DivideByZeroException";
        }
        return "System.Management.Automation.RuntimeException";
    }

    /** Applies {@code f} to each element; nulls drop out, nested collections flatten, one result is a scalar. */
    private static Object enumerate(List<Object> items, java.util.function.Function<Object, Object> f) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            Object v = f.apply(item);
            if (LanguagePrimitives.isEnumerable(v)) {
                out.addAll(LanguagePrimitives.toList(v));
            } else if (v != null) {
                out.add(v);
            }
        }
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    private static boolean isSizeName(Object target, String name) {
        String n = lower(name);
        return (n.equals("count") || n.equals("length"))
                && (target instanceof CharSequence ? n.equals("length") : LanguagePrimitives.isEnumerable(target));
    }

    private static Object findKey(Map<?, ?> map, String name) {
        if (map.containsKey(name)) {
            return name;
        }
        for (Object k : map.keySet()) {
            if (k instanceof String s && s.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, Accessor> accessors(Class<?> type) {
        return ACCESSORS.computeIfAbsent(type, Members::reflect);
    }

    private static Map<String, Accessor> reflect(Class<?> type) {
        Map<String, Accessor> out = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Method getter = publicVersion(c.getAccessor());
                if (getter != null) {
                    out.put(lower(c.getName()), new Accessor(capitalise(c.getName()), getter, null, null));
                }
            }
            return out;
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            String n = m.getName();
            String prop = n.startsWith("get") && n.length() > 3 ? n.substring(3)
                    : n.startsWith("is") && n.length() > 2 && m.getReturnType() == boolean.class ? n.substring(2) : null;
            Method getter = prop == null ? null : publicVersion(m);
            if (getter != null) {
                Method setter = findSetter(type, "set" + prop, m.getReturnType());
                out.putIfAbsent(lower(prop), new Accessor(prop, getter, setter, null));
            }
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                out.putIfAbsent(lower(f.getName()), new Accessor(capitalise(f.getName()), null, null, f));
            }
        }
        return out;
    }

    private static Method findSetter(Class<?> type, String name, Class<?> valueType) {
        try {
            return publicVersion(type.getMethod(name, valueType));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Method findMethod(Class<?> type, String name, int arity) {
        for (Method m : type.getMethods()) {
            if (m.getName().equalsIgnoreCase(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers())) {
                Method p = publicVersion(m);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * The same method as declared by a public class or interface, so it can be called on
     * instances of private implementation classes (Collections.unmodifiableList, records in
     * non-exported packages).
     */
    private static Method publicVersion(Method m) {
        Class<?> c = m.getDeclaringClass();
        if (Modifier.isPublic(c.getModifiers()) && c.getModule().isExported(c.getPackageName())) {
            return m;
        }
        for (Class<?> i : allSupertypes(c)) {
            try {
                Method candidate = i.getMethod(m.getName(), m.getParameterTypes());
                if (Modifier.isPublic(i.getModifiers()) && i.getModule().isExported(i.getPackageName())) {
                    return candidate;
                }
            } catch (NoSuchMethodException ignored) {
                // not declared on this supertype; try the next
            }
        }
        try {
            m.setAccessible(true);
            return m;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<Class<?>> allSupertypes(Class<?> c) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k != c) {
                out.add(k);
            }
            for (Class<?> i : k.getInterfaces()) {
                out.add(i);
                out.addAll(allSupertypes(i));
            }
        }
        return out;
    }
}
