package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Get-Module: the built-in modules (all are always loaded), optionally filtered by name. */
@Cmdlet(verb = "Get", noun = "Module", synopsis = "Gets the modules of the session (all built in).")
@Example(code = "if (Get-Module -ListAvailable -Name BitsTransfer) { 'BITS available' }", remarks = "Feature check.")
public class GetModuleCommand extends Command {
    @Parameter(position = 0, help = "Names or wildcards.")
    String[] name;
    @Parameter(help = "Accepted: every built-in module is available and loaded.")
    boolean listAvailable;

    @Override
    public void process(Object input) {
        for (String module : ImportModuleCommand.BUILT_IN) {
            if (name == null || java.util.Arrays.stream(name).anyMatch(n -> WildcardPattern.of(n).matches(module))) {
                writeObject(ImportModuleCommand.info(module));
            }
        }
    }
}
