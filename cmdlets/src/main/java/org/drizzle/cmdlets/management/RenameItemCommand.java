package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Rename-Item: gives an item a new name in the same folder. */
@Cmdlet(verb = "Rename", noun = "Item", supportsShouldProcess = true, synopsis = "Renames an item.",
        description = "-NewName is a name, not a path: to move an item elsewhere use Move-Item.")
@Example(code = "Rename-Item \"$dest.tmp\" -NewName (Split-Path $dest -Leaf)", remarks = "Renames a finished download.")
public class RenameItemCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true, aliases = {"FullName", "LiteralPath", "PSPath", "LP"},
            help = "The item to rename.")
    String path;
    @Parameter(position = 1, mandatory = true, help = "The new name.")
    String newName;
    @Parameter(help = "Accepted for compatibility.")
    boolean force;
    @Parameter(help = "Output the renamed item.")
    boolean passThru;

    @Override
    public void process(Object input) {
        Path source = context().resolvePath(path).toAbsolutePath().normalize();
        try {
            if (!Files.exists(source)) {
                throw ItemPaths.notFound(context().currentLocation(), path);
            }
            String name = newName.contains("/") || newName.contains("\\")
                    ? checkedLeaf(source) : newName;
            Path target = source.resolveSibling(name);
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "Cannot create a file when that file already exists");
            }
            if (context().shouldProcess("Item: " + source + " Destination: " + target, "Rename Item")) {
                Files.move(source, target);
                if (passThru) {
                    writeObject(new FileItem(target));
                }
            }
        } catch (IOException e) {
            writeError(new ErrorRecord(e, "RenameItemIOError", ErrorCategory.WRITE_ERROR, path));
        }
    }

    /** A -NewName with a folder part is allowed only when that folder is the item's own (as PowerShell). */
    private String checkedLeaf(Path source) throws IOException {
        Path given = context().resolvePath(newName).toAbsolutePath().normalize();
        if (!given.getParent().equals(source.getParent())) {
            throw new IOException("Cannot rename the specified target, because it represents a path or device name: '"
                    + newName + "'. Use Move-Item to move it.");
        }
        return given.getFileName().toString();
    }
}
