package org.drizzle.cmdlets.api;

import java.util.Map;

/** Applies a script's {@code $env:} changes to a child process's environment. */
public final class EnvironmentChanges {
    private EnvironmentChanges() {
    }

    /** Puts each change into {@code target}; a null value removes the variable ($env:X = $null). */
    public static void applyTo(Map<String, String> target, Map<String, String> changes) {
        changes.forEach((name, value) -> {
            if (value == null) {
                target.remove(name);
            } else {
                target.put(name, value);
            }
        });
    }
}
