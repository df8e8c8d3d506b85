package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * The registry behind {@code [TypeName]}: maps .NET type names, ignoring case and with or
 * without the leading {@code System.} ({@code [IO.Path]}, {@code [Net.ServicePointManager]}),
 * plus PowerShell's accelerators ({@code [int]}, {@code [regex]}, {@code [ulong]}), to the
 * curated {@link TypeAdapter}s. {@code Name[]} is an array of that type; a generic {@code List[string]}
 * resolves to its open type.
 */
public final class DotNetTypes {
    private static final Map<String, TypeAdapter> TYPES = new LinkedHashMap<>();

    static {
        for (List<TypeAdapter> family : List.of(MathType.adapters(), PathType.adapters(), EnvironmentType.adapters(),
                DateTimeType.adapters(), TimeSpanType.adapters(), StringType.adapters(), RegexType.adapters(),
                NumericTypes.adapters(), ValueTypes.adapters(), StopwatchType.adapters(), NetTypes.adapters(),
                BitsTypes.adapters(), CoreTypes.adapters(), FileTypes.adapters(), TextTypes.adapters(), XmlTypes.adapters(),
                CryptoTypes.adapters())) {
            family.forEach(t -> TYPES.put(t.fullName().toLowerCase(Locale.ROOT), t));
        }
        alias("int", "System.Int32");
        alias("long", "System.Int64");
        alias("ulong", "System.UInt64");
        alias("uint", "System.UInt32");
        alias("short", "System.Int16");
        alias("float", "System.Single");
        alias("single", "System.Single");
        alias("bool", "System.Boolean");
        alias("regex", "System.Text.RegularExpressions.Regex");
        alias("System.Environment+SpecialFolder", "System.Environment.SpecialFolder");
        alias("object", "System.Object");
        alias("array", "System.Array");
        alias("hashtable", "System.Collections.Hashtable");
        alias("xml", "System.Xml.XmlDocument");
        alias("switch", "System.Management.Automation.SwitchParameter");
        alias("scriptblock", "System.Management.Automation.ScriptBlock");
        alias("psobject", "System.Management.Automation.PSObject");
        alias("pscustomobject", "System.Management.Automation.PSCustomObject");
        alias("pscredential", "System.Management.Automation.PSCredential");
    }

    private DotNetTypes() {
    }

    private static void alias(String name, String target) {
        TYPES.put(name.toLowerCase(Locale.ROOT), TYPES.get(target.toLowerCase(Locale.ROOT)));
    }

    /** The adapter for {@code name} ({@code "math"}, {@code "System.IO.Path"}, {@code "int[]"}), if curated. */
    public static Optional<TypeAdapter> find(String name) {
        String n = name.trim();
        if (n.startsWith("[") && n.endsWith("]") && !n.endsWith("[]")) {
            n = n.substring(1, n.length() - 1).trim();
        }
        if (n.endsWith("[]")) {
            return find(n.substring(0, n.length() - 2)).map(ArrayType::of);
        }
        int generic = n.indexOf('[');
        if (generic > 0 && n.endsWith("]")) {
            // List[string] and friends: the element type only matters to .NET's compiler, not to these adapters
            return find(n.substring(0, generic));
        }
        String key = n.toLowerCase(Locale.ROOT);
        TypeAdapter t = TYPES.get(key);
        if (t == null) {
            t = TYPES.get("system." + key);
        }
        return Optional.ofNullable(t);
    }

    /** As {@link #find}, but an unknown name is PowerShell's "Unable to find type [X]." error. */
    public static TypeAdapter require(String name) {
        return find(name).orElseThrow(() -> new DotNetException("TypeNotFound", "Unable to find type ["
                + name.trim() + "]. Drizzle supports a curated set of .NET types; see docs/dotnet-types.md."));
    }

    /** The curated type a value is an instance of (a BitsJob, a FileInfo, an enum), by its .NET full name. */
    public static Optional<String> nameOf(Object value) {
        for (TypeAdapter t : TYPES.values()) {
            String n = t.fullName();
            if (!n.equals("System.Object") && !n.equals("System.Management.Automation.PSObject") && !n.equals("System.Array")
                    && t.isInstance(value)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** {@code $v -as [X]}: the converted value, or $null when it does not convert. */
    public static Object tryConvert(TypeAdapter type, Object value) {
        try {
            return type.convert(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Every registered full name, sorted (for docs and completion). */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TYPES.values().forEach(t -> names.add(t.fullName()));
        return Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** {@code [X[]]}: an array whose elements convert one by one. */
    static final class ArrayType {
        private ArrayType() {
        }

        static TypeAdapter of(TypeAdapter element) {
            return TypeAdapter.builder(element.fullName() + "[]")
                    .instances(v -> v.getClass().isArray() || v instanceof List<?>)
                    .converter(v -> {
                        if (v == null) {
                            return null;
                        }
                        List<Object> out = new ArrayList<>();
                        for (Object item : LanguagePrimitives.toList(v)) {
                            out.add(element.convert(item));
                        }
                        return out.toArray();
                    })
                    .build();
        }
    }
}
