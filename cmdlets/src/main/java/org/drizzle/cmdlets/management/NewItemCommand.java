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
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** New-Item: creates a file (optionally with -Value) or a folder (-ItemType Directory). */
@Cmdlet(verb = "New", noun = "Item", supportsShouldProcess = true, synopsis = "Creates a new file or folder.",
        description = "Creates the item and outputs it. An existing item is an error unless -Force (folders: "
                + "returned as is; files: overwritten).")
@Example(code = "New-Item -ItemType Directory -Path ~/downloads -Force | Out-Null", remarks = "Ensures a folder exists.")
public class NewItemCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true, help = "Where to create it.")
    String[] path;
    @Parameter(help = "A name under -Path.")
    String name;
    @Parameter(aliases = "Type", validateSet = {"File", "Directory"}, help = "File (default) or Directory.")
    String itemType = "File";
    @Parameter(valueFromPipeline = true, aliases = "Target", help = "The content of a new file.")
    Object value;
    @Parameter(help = "Overwrite a file, or accept an existing folder.")
    boolean force;

    @Override
    public void process(Object input) {
        for (String p : path) {
            Path target = context().resolvePath(p).resolve(name == null ? "" : name).normalize();
            if (!context().shouldProcess(target.toString(), "Create " + itemType)) {
                continue;
            }
            try {
                if ("Directory".equalsIgnoreCase(itemType)) {
                    if (Files.isDirectory(target) && !force) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    Files.createDirectories(target);
                } else {
                    if (Files.exists(target) && !force) {
                        throw new FileAlreadyExistsException(target.toString());
                    }
                    if (force && target.getParent() != null) {
                        Files.createDirectories(target.getParent());
                    }
                    Files.writeString(target, value == null ? "" : LanguagePrimitives.toStr(value));
                }
                writeObject(new FileItem(target));
            } catch (FileAlreadyExistsException e) {
                writeError(new ErrorRecord(new IOException("An item with the specified name " + target
                        + " already exists."), "DirectoryExist", ErrorCategory.RESOURCE_EXISTS, target));
            } catch (IOException e) {
                writeError(new ErrorRecord(e, "NewItemIOError", ErrorCategory.WRITE_ERROR, target));
            }
        }
    }
}
