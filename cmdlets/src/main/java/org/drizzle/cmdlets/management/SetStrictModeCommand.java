package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.dotnet.DotNetVersion;

/**
 * Set-StrictMode: records the strict-mode version in the session variable {@link #VARIABLE},
 * which the host reads to turn reads of unset variables and missing properties into errors.
 */
@Cmdlet(verb = "Set", noun = "StrictMode", defaultParameterSet = "Version",
        synopsis = "Establishes and enforces coding rules in expressions, scripts, and script blocks.",
        description = "-Version 1.0 forbids unset variables; 2.0 and Latest (3.0) also forbid reading properties that "
                + "do not exist. -Off turns the checks off.")
@Example(code = "Set-StrictMode -Version Latest", remarks = "The strictest checks.")
public class SetStrictModeCommand extends Command {
    /** Session variable holding the active version (a DotNetVersion), or $null when strict mode is off. */
    public static final String VARIABLE = "DrizzleStrictModeVersion";

    @Parameter(mandatory = true, parameterSet = "Version", aliases = "v", help = "1.0, 2.0, 3.0 or Latest.")
    String version;
    @Parameter(mandatory = true, parameterSet = "Off", help = "Turn strict mode off.")
    boolean off;

    @Override
    public void process(Object input) {
        if (off) {
            context().setVariable(VARIABLE, null);
            return;
        }
        DotNetVersion v;
        try {
            v = version.equalsIgnoreCase("Latest") ? new DotNetVersion(3, 0, -1, -1)
                    : DotNetVersion.parse(version.contains(".") ? version : version + ".0");
        } catch (IllegalArgumentException e) {
            throw throwTerminating(new ErrorRecord(e, "InvalidStrictModeVersion", ErrorCategory.INVALID_ARGUMENT, version));
        }
        if (v.getMajor() < 1 || v.getMajor() > 3) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The strict mode version '" + version
                    + "' is not valid; use 1.0, 2.0, 3.0 or Latest."), "InvalidStrictModeVersion",
                    ErrorCategory.INVALID_ARGUMENT, version));
        }
        context().setVariable(VARIABLE, v);
    }
}
