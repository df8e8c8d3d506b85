package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Get-ChildItem: the files and folders in a folder (wildcard names, -Filter, -Recurse, -File/-Directory). */
@Cmdlet(verb = "Get", noun = "ChildItem", synopsis = "Gets the items in a folder.",
        description = "Lists a folder's entries sorted by name, or the files matching a wildcard path.")
@Example(code = "Get-ChildItem /data -Filter *.iso -File", remarks = "The ISO files in /data.")
public class GetChildItemCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, valueFromPipelineByPropertyName = true, aliases = {"FullName", "LiteralPath", "PSPath", "LP"},
            help = "Folders or wildcard paths (default: the current folder).")
    String[] path;
    @Parameter(position = 1, help = "A wildcard the names must match.")
    String filter;
    @Parameter(aliases = {"s", "r"}, help = "Include subfolders.")
    boolean recurse;
    @Parameter(help = "Only files.")
    boolean file;
    @Parameter(aliases = {"ad", "d"}, help = "Only folders.")
    boolean directory;
    @Parameter(help = "Output names (relative paths) instead of items.")
    boolean name;

    @Override
    public void process(Object input) {
        for (String p : path == null ? new String[] {"."} : path) {
            Path target = context().resolvePath(p).normalize();
            WildcardPattern pattern = filter == null ? null : WildcardPattern.of(filter);
            Path root = target;
            if (target.getFileName() != null && WildcardPattern.containsWildcard(target.getFileName().toString())) {
                pattern = WildcardPattern.of(target.getFileName().toString());
                root = target.getParent();
            } else if (!Files.exists(target)) {
                writeError(new ErrorRecord(new IOException("Cannot find path '" + target + "' because it does not exist."),
                        "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, target));
                continue;
            } else if (!Files.isDirectory(target)) {
                writeObject(name ? target.getFileName().toString() : new FileItem(target));
                continue;
            }
            list(root, pattern);
        }
    }

    private void list(Path root, WildcardPattern pattern) {
        try (Stream<Path> s = recurse ? Files.walk(root).skip(1) : Files.list(root)) {
            Path base = root;
            s.sorted().filter(f -> pattern == null || pattern.matches(f.getFileName().toString()))
                    .filter(f -> !file || Files.isRegularFile(f)).filter(f -> !directory || Files.isDirectory(f))
                    .forEach(f -> writeObject(name ? base.relativize(f).toString() : new FileItem(f)));
        } catch (IOException e) {
            writeError(new ErrorRecord(e, "DirIOError", ErrorCategory.READ_ERROR, root));
        }
    }
}
