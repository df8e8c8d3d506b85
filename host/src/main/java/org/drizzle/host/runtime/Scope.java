package org.drizzle.host.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One variable scope (global, script, function or script block). Reads walk up to the
 * global scope (PowerShell's dynamic scoping); writes go to this scope. Names ignore case.
 */
final class Scope {
    private final Scope parent;
    private final Map<String, Object> vars = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope parent() {
        return parent;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True when the variable is set here or in an enclosing scope (even to $null). */
    boolean isDefined(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(key(name))) {
                return true;
            }
        }
        return false;
    }

    Object get(String name) {
        String k = key(name);
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(k)) {
                return s.vars.get(k);
            }
        }
        return null;
    }

    boolean isLocal(String name) {
        return vars.containsKey(key(name));
    }

    void set(String name, Object value) {
        vars.put(key(name), value);
    }

    /** Names defined anywhere up the chain (tab completion). */
    java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Scope s = this; s != null; s = s.parent) {
            out.addAll(s.vars.keySet());
        }
        return out;
    }
}
