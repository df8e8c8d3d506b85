package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** New-Alias: as Set-Alias, but an existing alias is an error unless -Force. */
@Cmdlet(verb = "New", noun = "Alias", synopsis = "Creates a new alias.", supportsShouldProcess = true)
@Example(code = "New-Alias -Name gbt -Value Get-BitsTransfer -Force", remarks = "gbt lists jobs.")
public class NewAliasCommand extends SetAliasCommand {
    @Override
    boolean mustNotExist() {
        return true;
    }

    @Override
    String verb() {
        return "New";
    }
}
