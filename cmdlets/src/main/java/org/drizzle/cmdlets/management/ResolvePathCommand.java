package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ProviderPaths;

/**
 * Resolve-Path: the full paths of existing items, wildcards expanded (-LiteralPath takes the name as
 * written), as PathInfo objects; -Relative gives paths relative to the current folder ({@code ./x}).
 */
@Cmdlet(verb = "Resolve", noun = "Path", synopsis = "Resolves wildcards in a path to the full paths of existing items.")
@Example(code = "(Resolve-Path ./downloads/*.iso).Path", remarks = "The full paths of the ISO files in ./downloads.")
public class ResolvePathCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, valueFromPipelineByPropertyName = true, help = "Paths, with wildcards.")
    String[] path;
    @Parameter(valueFromPipelineByPropertyName = true, aliases = {"PSPath", "LP"}, help = "Paths taken exactly as written.")
    String[] literalPath;
    @Parameter(help = "Relative to the current folder instead of full paths.")
    boolean relative;
    @Parameter(help = "Resolve relative paths from this folder instead of the current one (and, with -Relative, "
            + "write them relative to it).")
    String relativeBasePath;

    @Override
    public void process(Object input) {
        Path here = relativeBasePath == null ? context().currentLocation()
                : ProviderPaths.resolve(context().currentLocation(), relativeBasePath);
        String[] paths = literalPath != null ? literalPath : path == null ? new String[] {"."} : path;
        for (String p : paths) {
            List<Path> found;
            try {
                found = literalPath != null ? literal(here, p) : ItemPaths.resolve(here, p);
            } catch (IOException e) {
                found = List.of();
            }
            if (found.isEmpty()) {
                writeError(new ErrorRecord(ItemPaths.notFound(here, p), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
                continue;
            }
            for (Path f : found) {
                Path full = f.toAbsolutePath().normalize();
                writeObject(relative ? relativeTo(here, full)
                        : new GetLocationCommand.PathInfo(full.toString()));
            }
        }
    }

    private static List<Path> literal(Path here, String p) {
        Path t = ProviderPaths.resolve(here, p);
        return Files.exists(t) ? List.of(t) : List.of();
    }

    /** PowerShell writes a relative path with a leading {@code ./} (or {@code ../...}). */
    private static String relativeTo(Path here, Path full) {
        String r = here.toAbsolutePath().normalize().relativize(full).toString();
        return r.isEmpty() ? "." : r.startsWith("..") ? r : "./" + r;
    }
}
