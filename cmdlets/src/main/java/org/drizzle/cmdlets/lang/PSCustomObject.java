package org.drizzle.cmdlets.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * PowerShell's [pscustomobject]: an ordered bag of properties with case-insensitive names, as
 * made by {@code [pscustomobject]@{...}}, Select-Object and Import-Csv.
 */
public final class PSCustomObject implements PropertyBag {
    /** Lower-cased name to the entry, so lookups ignore case but the first spelling is kept. */
    private final Map<String, Map.Entry<String, Object>> properties = new LinkedHashMap<>();
    /** Type names Add-Member -TypeName gave it, the latest first (before PSCustomObject and Object). */
    private final List<String> addedTypeNames = new ArrayList<>();

    public PSCustomObject() {
    }

    /** An AliasProperty's stored form: the property it reads and writes, and the conversion of what it reads. */
    private record Alias(String target, java.util.function.UnaryOperator<Object> convert) {
    }

    /** Copies a map's entries (keys as strings) in iteration order. */
    public static PSCustomObject of(Map<?, ?> values) {
        PSCustomObject o = new PSCustomObject();
        values.forEach((k, v) -> o.setProperty(String.valueOf(k), v));
        return o;
    }

    @Override
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>();
        properties.values().forEach(e -> names.add(e.getKey()));
        return names;
    }

    @Override
    public boolean hasProperty(String name) {
        return properties.containsKey(key(name));
    }

    @Override
    public Object getProperty(String name) {
        Map.Entry<String, Object> e = properties.get(key(name));
        if (e != null && e.getValue() instanceof Alias a) {
            return a.convert().apply(getProperty(a.target()));
        }
        return e == null ? null : e.getValue();
    }

    /**
     * Add-Member -MemberType AliasProperty: {@code name} reads (converted by {@code convert}) and
     * writes the property {@code target}.
     */
    public void addAlias(String name, String target, java.util.function.UnaryOperator<Object> convert) {
        properties.remove(key(name));
        properties.put(key(name), new java.util.AbstractMap.SimpleEntry<>(name, new Alias(target, convert)));
    }

    /** "AliasProperty" for a member Add-Member made an alias, else "NoteProperty". */
    public String memberType(String name) {
        Map.Entry<String, Object> e = properties.get(key(name));
        return e != null && e.getValue() instanceof Alias ? "AliasProperty" : "NoteProperty";
    }

    /** Sets or adds a property; an existing property keeps its original spelling and place. */
    @Override
    public void setProperty(String name, Object value) {
        Map.Entry<String, Object> e = properties.get(key(name));
        if (e == null) {
            properties.put(key(name), new java.util.AbstractMap.SimpleEntry<>(name, value));
        } else if (e.getValue() instanceof Alias a) {
            setProperty(a.target(), value);
        } else {
            e.setValue(value);
        }
    }

    /** {@code PSObject.TypeNames}: the names Add-Member -TypeName added, the latest first, then its own. */
    public List<String> typeNames() {
        List<String> names = new ArrayList<>(addedTypeNames);
        names.add("System.Management.Automation.PSCustomObject");
        names.add("System.Object");
        return names;
    }

    /** Add-Member -TypeName: the name goes first in {@link #typeNames()}. */
    public void addTypeName(String name) {
        addedTypeNames.removeIf(n -> n.equalsIgnoreCase(name));
        addedTypeNames.add(0, name);
    }

    public void removeProperty(String name) {
        properties.remove(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** PowerShell's rendering in a string: {@code @{Name=a; Size=1}}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("; ", "@{", "}");
        properties.values().forEach(e -> j.add(e.getKey() + "=" + LanguagePrimitives.toStr(getProperty(e.getKey()))));
        return j.toString();
    }
}
