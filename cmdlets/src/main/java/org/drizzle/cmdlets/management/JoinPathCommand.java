package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Join-Path: joins a path and child paths with one separator between each. */
@Cmdlet(verb = "Join", noun = "Path", synopsis = "Combines a path and a child path into a single path.")
@Example(code = "Join-Path $env:HOME downloads", remarks = "~/downloads as a full path.")
public class JoinPathCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "PSPath", help = "The parent paths.")
    String[] path;
    @Parameter(position = 1, mandatory = true, help = "The child path.")
    String childPath;
    @Parameter(position = 2, valueFromRemainingArguments = true, help = "More child paths.")
    String[] additionalChildPath;
    @Parameter(help = "Output the existing items the joined path names (wildcards expanded); an error if none.")
    boolean resolve;

    @Override
    public void process(Object input) {
        for (String p : path) {
            String out = join(p, childPath);
            if (additionalChildPath != null) {
                for (String c : additionalChildPath) {
                    out = join(out, c);
                }
            }
            if (!resolve) {
                writeObject(out);
                continue;
            }
            try {
                java.util.List<java.nio.file.Path> found = ItemPaths.resolve(context().currentLocation(), out);
                if (found.isEmpty()) {
                    throw ItemPaths.notFound(context().currentLocation(), out);
                }
                found.forEach(f -> writeObject(f.toString()));
            } catch (java.io.IOException e) {
                writeError(new ErrorRecord(e, "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, out));
            }
        }
    }

    /** As pwsh on Linux: {@code \\} separators become {@code /}. */
    private static String join(String a, String b) {
        String left = a.replace('\\', '/').replaceAll("/+$", "");
        String right = b.replace('\\', '/').replaceAll("^/+", "");
        return left.isEmpty() ? "/" + right : right.isEmpty() ? left : left + "/" + right;
    }
}
