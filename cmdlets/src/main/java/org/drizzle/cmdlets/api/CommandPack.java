package org.drizzle.cmdlets.api;

import java.util.List;
import java.util.Map;

/**
 * A set of built-in commands and their aliases, found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/org.drizzle.cmdlets.api.CommandPack}), so each group of
 * cmdlets registers itself without editing a central list.
 */
public interface CommandPack {

    List<Class<? extends Command>> commands();

    /** Alias to command name ({@code "%" -> "ForEach-Object"}). */
    default Map<String, String> aliases() {
        return Map.of();
    }
}
