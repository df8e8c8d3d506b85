package org.drizzle.cmdlets.lang;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * PowerShell's {@code @{}}: a map whose string keys compare case-insensitively. It keeps
 * insertion order (as {@code [ordered]@{}} does) because scripts and users read output in the
 * order they wrote it.
 */
public final class Hashtable extends AbstractMap<Object, Object> {
    private final Map<Object, Map.Entry<Object, Object>> entries = new LinkedHashMap<>();

    private static Object norm(Object key) {
        return key instanceof String s ? s.toLowerCase(Locale.ROOT) : key;
    }

    @Override
    public Object get(Object key) {
        Map.Entry<Object, Object> e = entries.get(norm(key));
        return e == null ? null : e.getValue();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(norm(key));
    }

    /** Replaces the value of an existing key (keeping its first spelling) or adds the key. */
    @Override
    public Object put(Object key, Object value) {
        Map.Entry<Object, Object> e = entries.get(norm(key));
        if (e != null) {
            return e.setValue(value);
        }
        entries.put(norm(key), new SimpleEntry<>(key, value));
        return null;
    }

    @Override
    public Object remove(Object key) {
        Map.Entry<Object, Object> e = entries.remove(norm(key));
        return e == null ? null : e.getValue();
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public void clear() {
        entries.clear();
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                return entries.values().iterator();
            }

            @Override
            public int size() {
                return entries.size();
            }
        };
    }

    @Override
    public String toString() {
        return "System.Collections.Hashtable";
    }
}
