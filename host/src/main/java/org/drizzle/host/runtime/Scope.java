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
    /** A script file's top level: what {@code $script:} names from anywhere below it. */
    private final boolean script;
    /** Lower-cased name to the variable, which keeps the spelling it was first set with. */
    private final Map<String, Variable> vars = new HashMap<>();

    private record Variable(String name, Object value) {
    }

    Scope(Scope parent) {
        this(parent, false);
    }

    Scope(Scope parent, boolean script) {
        this.parent = parent;
        this.script = script;
    }

    boolean isScript() {
        return script;
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

    /** The scope that defines {@code name} ({@code [ref]$x} refers to that variable), else this one. */
    Scope owner(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.vars.containsKey(key(name))) {
                return s;
            }
        }
        return this;
    }

    Object get(String name) {
        String k = key(name);
        for (Scope s = this; s != null; s = s.parent) {
            Variable v = s.vars.get(k);
            if (v != null) {
                return v.value();
            }
        }
        return null;
    }

    boolean isLocal(String name) {
        return vars.containsKey(key(name));
    }

    void set(String name, Object value) {
        Variable old = vars.get(key(name));
        vars.put(key(name), new Variable(old == null ? name : old.name(), value));
    }

    void remove(String name) {
        vars.remove(key(name));
    }

    /** Names defined anywhere up the chain, as first spelled (tab completion); internal names excluded. */
    java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Scope s = this; s != null; s = s.parent) {
            s.vars.values().stream().map(Variable::name).filter(n -> !n.startsWith("__")).forEach(out::add);
        }
        return out;
    }
}
