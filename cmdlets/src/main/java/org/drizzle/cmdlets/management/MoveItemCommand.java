package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;

/** Move-Item: moves or renames files and folders (across file systems too). */
@Cmdlet(verb = "Move", noun = "Item", supportsShouldProcess = true, synopsis = "Moves an item from one location to another.",
        description = "Moves each item to -Destination (into it if it is a folder). An existing file is replaced only with -Force.")
@Example(code = "Move-Item $tmp $dest -Force", remarks = "Puts a finished download in place.")
public class MoveItemCommand extends TransferItemCommandBase {
    @Override
    protected String action() {
        return "Move File";
    }

    @Override
    protected void transfer(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
