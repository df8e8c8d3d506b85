package org.drizzle.cmdlets.api;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Map;

/** PowerShell's names for the Java types parameters are declared with (help, errors). */
public final class TypeNames {
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(String.class, "String"), Map.entry(int.class, "Int32"), Map.entry(Integer.class, "Int32"),
            Map.entry(long.class, "Int64"), Map.entry(Long.class, "Int64"), Map.entry(double.class, "Double"),
            Map.entry(Double.class, "Double"), Map.entry(boolean.class, "Boolean"), Map.entry(Boolean.class, "Boolean"),
            Map.entry(Object.class, "Object"), Map.entry(BigInteger.class, "UInt64"),
            Map.entry(ScriptBlock.class, "ScriptBlock"), Map.entry(java.util.UUID.class, "Guid"),
            Map.entry(org.drizzle.engine.job.JobId.class, "Guid"), Map.entry(java.time.Instant.class, "DateTime"));

    private TypeNames() {
    }

    public static String of(Class<?> type) {
        if (type.isArray()) {
            return of(type.getComponentType()) + "[]";
        }
        String known = NAMES.get(type);
        return known != null ? known : type.getSimpleName();
    }

    /** The element class of a {@code List<X>} field (Object when raw or wildcard). */
    static Class<?> listElement(Field f) {
        Type g = f.getGenericType();
        if (g instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
