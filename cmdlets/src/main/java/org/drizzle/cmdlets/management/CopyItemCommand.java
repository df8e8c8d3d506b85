package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Copy-Item: copies files, and folder trees with -Recurse. */
@Cmdlet(verb = "Copy", noun = "Item", supportsShouldProcess = true, synopsis = "Copies an item from one location to another.",
        description = "Copies each file to -Destination (into it if it is a folder). A folder is copied with its "
                + "contents only with -Recurse. Existing files are replaced only with -Force.")
@Example(code = "Copy-Item $dest \\\\share\\drop\\ -Force", remarks = "Copies a download to a share.")
public class CopyItemCommand extends TransferItemCommandBase {
    @Parameter(help = "Copy folders with their contents.")
    boolean recurse;
    @Parameter(help = "Accepted as in PowerShell: the folder structure is always kept.")
    boolean container;

    @Override
    protected String action() {
        return "Copy File";
    }

    @Override
    protected void transfer(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        Files.createDirectories(target);
        if (!recurse) {
            return;
        }
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
