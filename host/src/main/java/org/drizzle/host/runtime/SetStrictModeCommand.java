package org.drizzle.host.runtime;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/**
 * Set-StrictMode (the host's fallback when the cmdlets module has none): -Version 1.0 makes reading an unset
 * variable an error; 2.0 and Latest also reading a property that does not exist.
 */
@Cmdlet(verb = "Set", noun = "StrictMode", synopsis = "Makes reads of missing properties an error.",
        description = "With -Version 2.0 or later (or Latest) a script that reads a property an object does not have "
                + "stops with an error naming it; -Off restores PowerShell's default ($null).")
@Example(code = "Set-StrictMode -Version Latest", remarks = "Typos in property names become errors.")
public class SetStrictModeCommand extends Command {
    @Parameter(position = 0, parameterSet = "Version", mandatory = true, help = "1.0, 2.0, 3.0 or Latest.")
    String version;
    @Parameter(parameterSet = "Off", mandatory = true, help = "Turns strict mode off.")
    boolean off;

    @Override
    public void end() {
        if (off) {
            context().setVariable(ScriptRuntime.STRICT_MODE_VARIABLE, null);
            return;
        }
        String v = version.trim().equalsIgnoreCase("Latest") ? "3.0" : version.contains(".") ? version : version + ".0";
        context().setVariable(ScriptRuntime.STRICT_MODE_VARIABLE, PsVersion.parse(v));
    }
}
