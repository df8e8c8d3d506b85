package org.drizzle.host.runtime;

import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.drizzle.cmdlets.api.ScriptBlock;
import org.drizzle.cmdlets.lang.ConversionException;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;

/**
 * PowerShell type names ({@code [int]}, {@code [System.Int64]}, {@code [string[]]},
 * {@code [pscustomobject]}, the BitsTransfer module's enums) and what casts, {@code -is} and
 * {@code -as} do with them. An unknown name is an error naming it.
 */
final class TypeResolver {
    private static final String BITS = "microsoft.backgroundintelligenttransfer.management.";

    private TypeResolver() {
    }

    /** Lower case, without "System." and the BITS module namespace. */
    static String normalise(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (n.startsWith("system.")) {
            n = n.substring(7);
        }
        if (n.startsWith(BITS)) {
            n = n.substring(BITS.length());
        }
        return n;
    }

    /** The Java type a function parameter declared as {@code [name]} binds to. */
    static Class<?> javaType(String name) {
        String n = normalise(name);
        if (n.endsWith("[]")) {
            Class<?> element = javaType(n.substring(0, n.length() - 2));
            return element == Object.class ? Object[].class : java.lang.reflect.Array.newInstance(element, 0).getClass();
        }
        return switch (n) {
            case "int", "int32", "int16", "byte", "sbyte", "uint16", "uint32" -> Integer.class;
            case "long", "int64" -> Long.class;
            case "uint64", "ulong" -> BigInteger.class;
            case "double", "single", "float", "decimal" -> Double.class;
            case "string" -> String.class;
            case "switch", "management.automation.switchparameter" -> boolean.class;
            case "bool", "boolean" -> Boolean.class;
            case "guid" -> UUID.class;
            case "datetime" -> OffsetDateTime.class;
            case "scriptblock", "management.automation.scriptblock" -> ScriptBlock.class;
            case "ref", "management.automation.psreference" -> org.drizzle.cmdlets.lang.PSReference.class;
            case "bitsjobstate" -> JobState.class;
            case "bitsjobtype" -> JobType.class;
            case "bitsjobpriority", "jobpriority" -> Priority.class;
            default -> {
                if (isKnown(n)) {
                    yield Object.class;
                }
                throw unknown(name);
            }
        };
    }

    private static boolean isKnown(String n) {
        return List.of("object", "psobject", "pscustomobject", "hashtable", "collections.hashtable", "ordered", "array",
                "uri", "timespan", "version", "regex", "text.regularexpressions.regex", "char", "void",
                "bitsjob", "management.automation.pscredential", "pscredential", "io.fileinfo",
                "io.directoryinfo", "collections.arraylist", "net.webclient", "securestring",
                "security.securestring", "collections.specialized.ordereddictionary").contains(n);
    }

    static RuntimeException unknown(String name) {
        return new ConversionException("Unable to find type [" + name + "].");
    }

    /** Types whose casts only the host knows (they build host objects rather than .NET values). */
    static boolean isHostType(String name) {
        String n = normalise(name);
        return List.of("pscustomobject", "psobject", "ordered", "hashtable", "collections.hashtable", "void", "array",
                "object", "scriptblock", "collections.specialized.ordereddictionary", "ref",
                "management.automation.psreference").contains(n);
    }

    /** {@code [type]value}. */
    static Object cast(String name, Object v) {
        String n = normalise(name);
        if (n.endsWith("[]")) {
            String element = n.substring(0, n.length() - 2);
            List<Object> out = new ArrayList<>();
            for (Object o : LanguagePrimitives.toList(v)) {
                out.add(cast(element, o));
            }
            return out;
        }
        switch (n) {
            case "void":
                return null;
            case "ref", "management.automation.psreference":
                return v instanceof org.drizzle.cmdlets.lang.PSReference ? v : new org.drizzle.cmdlets.lang.PSReference(v);
            case "object", "psobject":
                return v;
            case "pscustomobject":
                return v instanceof Map<?, ?> m ? PSCustomObject.of(m) : v;
            case "hashtable", "collections.hashtable", "ordered", "collections.specialized.ordereddictionary":
                if (v instanceof Hashtable) {
                    return v;
                }
                if (v instanceof Map<?, ?> m) {
                    Hashtable h = new Hashtable();
                    h.putAll(m);
                    return h;
                }
                throw new ConversionException(v, "Hashtable", "Only a hashtable or dictionary converts to [hashtable].");
            case "array", "collections.arraylist":
                return new ArrayList<>(LanguagePrimitives.toList(v));
            case "scriptblock":
                if (v instanceof ScriptBlock) {
                    return v;
                }
                throw new ConversionException(v, "ScriptBlock", "Use [scriptblock]::Create() to make a script block from text.");
            default:
                java.util.Optional<org.drizzle.cmdlets.dotnet.TypeAdapter> dotNet = org.drizzle.cmdlets.dotnet.DotNetTypes.find(name);
                if (dotNet.isPresent()) {
                    return dotNet.get().convert(v);
                }
                Class<?> t = javaType(name);
                return t == Object.class ? v : LanguagePrimitives.convertTo(v, t);
        }
    }

    /** {@code value -is [type]}. */
    static boolean is(Object v, String name) {
        String n = normalise(name);
        if (v == null) {
            return false;
        }
        return switch (n) {
            case "object", "psobject" -> true;
            case "array", "object[]" -> LanguagePrimitives.isEnumerable(v);
            case "hashtable", "collections.hashtable", "collections.idictionary" -> v instanceof Map<?, ?>;
            case "pscustomobject" -> v instanceof PSCustomObject;
            case "scriptblock" -> v instanceof ScriptBlock;
            case "ref", "management.automation.psreference" -> v instanceof org.drizzle.cmdlets.lang.PSReference;
            case "valuetype" -> v instanceof Number || v instanceof Boolean || v instanceof Enum<?>;
            case "enum" -> v instanceof Enum<?>;
            case "exception" -> v instanceof Throwable;
            case "management.automation.errorrecord", "errorrecord" -> v instanceof org.drizzle.cmdlets.api.ErrorRecord;
            default -> {
                Class<?> t = javaType(name);
                yield t != Object.class && t.isInstance(v) || v.getClass().getSimpleName().equalsIgnoreCase(n);
            }
        };
    }

    /** {@code value -as [type]}: the cast, or $null when it fails. */
    static Object as(Object v, String name) {
        try {
            return cast(name, v);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
