package org.drizzle.cmdlets.management;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.PSCustomObject;

/**
 * Import-Module: the modules scripts import (BitsTransfer and PowerShell's own) are built in,
 * so importing them succeeds and does nothing; any other module is an error, as when
 * PowerShell cannot find it.
 */
@Cmdlet(verb = "Import", noun = "Module", synopsis = "Adds modules to the current session (built-in modules only).",
        description = "BitsTransfer, Microsoft.PowerShell.Utility, Microsoft.PowerShell.Management and "
                + "Microsoft.PowerShell.Security are built in; importing them succeeds. Other modules are not found.")
@Example(code = "Import-Module BitsTransfer -ErrorAction Stop", remarks = "Succeeds: the cmdlets are built in.")
public class ImportModuleCommand extends Command {
    /** The modules whose commands Drizzle provides. */
    static final List<String> BUILT_IN = List.of("BitsTransfer", "Microsoft.PowerShell.Utility",
            "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Security");

    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "Module names.")
    String[] name;
    @Parameter(help = "Accepted: built-in modules are always current.")
    boolean force;
    @Parameter(help = "Output the module objects.")
    boolean passThru;

    @Override
    public void process(Object input) {
        for (String n : name) {
            String module = BUILT_IN.stream().filter(m -> m.equalsIgnoreCase(n)).findFirst().orElse(null);
            if (module == null) {
                writeError(new ErrorRecord(new IllegalArgumentException("The specified module '" + n + "' was not "
                        + "loaded because no valid module file was found in any module directory."),
                        "Modules_ModuleNotFound", ErrorCategory.RESOURCE_UNAVAILABLE, n));
            } else if (passThru) {
                writeObject(info(module));
            }
        }
    }

    static PSCustomObject info(String module) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("ModuleType", module.equals("BitsTransfer") ? "Manifest" : "Binary");
        o.setProperty("Version", module.equals("BitsTransfer") ? "2.0.0.0" : "7.0.0.0");
        o.setProperty("Name", module);
        return o;
    }
}
