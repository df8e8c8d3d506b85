package org.drizzle.host.bitsadmin;

import java.util.Locale;
import org.apache.commons.cli.Options;

/**
 * One bitsadmin switch, declared once: the usage text, the docs table and the parser all read
 * it. {@code modifiers} are the switch's own sub-switches ({@code /ALLUSERS}, {@code /PRIORITY p}
 * ...) as Commons CLI options; the rest of the arguments are positional.
 *
 * @param name     lower case, without the slash ({@code addfile})
 * @param syntax   the usage line after the switch, e.g. {@code <job> <remote_url> <local_name>}
 * @param minArgs  positional arguments required
 * @param maxArgs  positional arguments allowed ({@link Integer#MAX_VALUE} for lists)
 * @param action   what failed, for {@code Unable to <action> - 0x...}
 */
record Switch(String name, String syntax, String help, int minArgs, int maxArgs, Options modifiers, String action,
              Handler handler) {

    /** Runs one parsed invocation of the switch. */
    @FunctionalInterface
    interface Handler {
        /** @return the HRESULT the run ends with (0 for success) */
        int run(Invocation in);
    }

    String usage() {
        return "/" + name.toUpperCase(Locale.ROOT) + (syntax.isEmpty() ? "" : " " + syntax);
    }
}
