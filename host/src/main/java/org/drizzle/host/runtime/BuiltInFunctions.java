package org.drizzle.host.runtime;

import java.util.Locale;
import java.util.Map;

/**
 * Commands PowerShell defines as script functions rather than cmdlets (mkdir is
 * {@code New-Item -ItemType Directory}). Each is compiled the first time a script calls it, so
 * one-shot command lines never pay for the JavaScript engine.
 */
final class BuiltInFunctions {
    private static final Map<String, String> SOURCES = Map.of("mkdir", """
            function mkdir {
                [CmdletBinding()]
                param([Parameter(Mandatory, Position = 0, ValueFromPipeline)] [string[]] $Path, [switch] $Force)
                process { New-Item -ItemType Directory -Path $Path -Force:$Force }
            }
            """);

    private BuiltInFunctions() {
    }

    /** The built-in function called {@code name}, defined in the session on first use; null if there is none. */
    static FunctionDefinition find(ScriptRunner rt, String name) {
        String source = SOURCES.get(name.toLowerCase(Locale.ROOT));
        if (source == null) {
            return null;
        }
        rt.capture(source);
        return rt.session().function(name);
    }
}
