package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Get-Item: the file or folder objects at the given paths (wildcards allowed in the last segment). */
@Cmdlet(verb = "Get", noun = "Item", synopsis = "Gets the item at the specified location.")
@Example(code = "(Get-Item $dest).Length", remarks = "The size of a downloaded file.")
public class GetItemCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The items to get.")
    String[] path;
    @Parameter(help = "Accepted for compatibility (hidden files are always included).")
    boolean force;
    @Parameter(help = "A wildcard the item names must match.")
    String filter;
    @Parameter(help = "Wildcards: only items whose name matches one of them.")
    String[] include;
    @Parameter(help = "Wildcards: leave out items whose name matches one of them.")
    String[] exclude;

    @Override
    public void process(Object input) {
        for (String p : path) {
            try {
                List<Path> items = ItemPaths.resolve(context().currentLocation(), p);
                if (items.isEmpty()) {
                    writeError(new ErrorRecord(ItemPaths.notFound(context().currentLocation(), p), "PathNotFound",
                            ErrorCategory.OBJECT_NOT_FOUND, p));
                }
                new ItemFilter(filter, include, exclude).apply(items).forEach(f -> writeObject(new FileItem(f)));
            } catch (IOException e) {
                writeError(new ErrorRecord(e, "GetItemIOError", ErrorCategory.READ_ERROR, p));
            }
        }
    }
}
