package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Set-Alias: creates or changes an alias for a cmdlet or function in this session. */
@Cmdlet(verb = "Set", noun = "Alias", synopsis = "Creates or changes an alias for a cmdlet or other command in the current session.",
        supportsShouldProcess = true)
@Example(code = "Set-Alias -Name bcp -Value Wait-BITSCopy", remarks = "bcp now runs the Wait-BITSCopy function.")
public class SetAliasCommand extends Command {
    @Parameter(position = 0, mandatory = true, help = "The alias.")
    String name;
    @Parameter(position = 1, mandatory = true, help = "The command the alias runs.")
    String value;
    @Parameter(help = "Accepted as in PowerShell: aliases here always live in the session.")
    String description;
    @Parameter(help = "Accepted as in PowerShell (None, ReadOnly, Constant, Private, AllScope).")
    String option;
    @Parameter(help = "Accepted as in PowerShell (Global, Local, Script): aliases live in the session.")
    String scope;
    @Parameter(help = "Replaces an existing alias.")
    boolean force;
    @Parameter(help = "Outputs the alias.")
    boolean passThru;

    @Override
    public void process(Object input) {
        if (mustNotExist() && context().commands().aliasTarget(name).isPresent() && !force) {
            throw new IllegalArgumentException("The alias is not allowed, because an alias with the name '" + name
                    + "' already exists.");
        }
        if (!context().shouldProcess("Name: " + name + " Value: " + value, verb() + " Alias")) {
            return;
        }
        context().commands().registerAlias(name, value);
        if (passThru) {
            writeObject(new AliasInfo(name, value));
        }
    }

    boolean mustNotExist() {
        return false;
    }

    String verb() {
        return "Set";
    }

    /** What -PassThru outputs. */
    public record AliasInfo(String Name, String Definition) {
        @Override
        public String toString() {
            return Name;
        }
    }
}
