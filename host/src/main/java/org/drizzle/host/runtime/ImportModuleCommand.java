package org.drizzle.host.runtime;

import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Import-Module: BitsTransfer and PowerShell's own modules are built in, so importing them succeeds; others are not found. */
@Cmdlet(verb = "Import", noun = "Module", synopsis = "Accepts the built-in modules (BitsTransfer).",
        description = "The BitsTransfer cmdlets are always loaded; Import-Module BitsTransfer (with or without -Force) "
                + "succeeds so existing scripts run unchanged. Any other module is reported as not found.")
@Example(code = "Import-Module BitsTransfer", remarks = "Succeeds; nothing else is needed.")
public class ImportModuleCommand extends Command {
    private static final List<String> BUILT_IN = List.of("bitstransfer", "microsoft.powershell.management",
            "microsoft.powershell.utility", "microsoft.powershell.core", "microsoft.powershell.security");

    @Parameter(position = 0, mandatory = true, help = "Module names.")
    String[] name;
    @Parameter(help = "Accepted; has no effect.")
    boolean force;

    @Override
    public void end() {
        for (String n : name) {
            if (!BUILT_IN.contains(n.toLowerCase(Locale.ROOT))) {
                writeError(new ErrorRecord(new IllegalArgumentException("The specified module '" + n
                        + "' was not loaded because no valid module file was found in any module directory."),
                        "Modules_ModuleNotFound", ErrorCategory.RESOURCE_UNAVAILABLE, n));
            }
        }
    }
}
