package org.drizzle.host.runtime;

import org.drizzle.cmdlets.lang.PSReference;

/**
 * {@code [ref]$x}: a reference to the variable itself, in the scope that defines it (the
 * current one when none does), so writing {@code .Value} in a function changes the caller's $x.
 * A scope-qualified name ({@code [ref]$script:x}) is read and written through the runner's rules.
 */
final class VariableReference extends PSReference {
    private final ScriptRunner rt;
    private final Scope scope;
    private final String name;

    VariableReference(ScriptRunner rt, String name) {
        super(null);
        this.rt = rt;
        this.name = name;
        this.scope = name.contains(":") ? null : rt.scope().owner(name);
    }

    @Override
    public Object getValue() {
        return scope == null ? rt.variable(name) : scope.get(name);
    }

    @Override
    public void setValue(Object v) {
        if (scope == null) {
            rt.setVariable(name, v);
        } else {
            scope.set(name, v);
        }
    }
}
