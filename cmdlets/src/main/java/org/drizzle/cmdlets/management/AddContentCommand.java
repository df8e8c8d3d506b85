package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** Add-Content: appends the values to a file, one per line. */
@Cmdlet(verb = "Add", noun = "Content", supportsShouldProcess = true, synopsis = "Adds content to a file.")
@Example(code = "Add-Content download.log \"$(Get-Date) done\"", remarks = "Appends a log line.")
public class AddContentCommand extends SetContentCommand {
    @Override
    protected boolean appends() {
        return true;
    }
}
