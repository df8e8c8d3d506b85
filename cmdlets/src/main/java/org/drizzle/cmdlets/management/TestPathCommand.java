package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Test-Path: whether each path exists (as a folder with -PathType Container, a file with Leaf). */
@Cmdlet(verb = "Test", noun = "Path", synopsis = "Determines whether all elements of a path exist.")
@Example(code = "if (-not (Test-Path $dest)) { New-Item -ItemType Directory $dest }", remarks = "Makes a folder if missing.")
public class TestPathCommand extends Command {
    @Parameter(aliases = {"LiteralPath", "PSPath", "LP"}, position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            help = "The paths to test.")
    String[] path;
    @Parameter(aliases = "Type", validateSet = {"Any", "Container", "Leaf"}, help = "Any, Container or Leaf.")
    String pathType = "Any";
    @Parameter(help = "Only check that the path is well formed.")
    boolean isValid;
    @Parameter(help = "A wildcard the item names must match.")
    String filter;
    @Parameter(help = "Wildcards: only items whose name matches one of them count.")
    String[] include;
    @Parameter(help = "Wildcards: items whose name matches one of them do not count.")
    String[] exclude;
    @Parameter(help = "Only items last written after this time count.")
    java.time.OffsetDateTime newerThan;
    @Parameter(help = "Only items last written before this time count.")
    java.time.OffsetDateTime olderThan;

    private boolean counts(Path f) {
        String n = f.getFileName() == null ? "" : f.getFileName().toString();
        boolean type = switch (pathType.toLowerCase(Locale.ROOT)) {
            case "container" -> Files.isDirectory(f);
            case "leaf" -> !Files.isDirectory(f);
            default -> true;
        };
        if (!type || filter != null && !WildcardPattern.of(filter).matches(n)) {
            return false;
        }
        if (include != null && Arrays.stream(include).noneMatch(w -> WildcardPattern.of(w).matches(n))
                || exclude != null && Arrays.stream(exclude).anyMatch(w -> WildcardPattern.of(w).matches(n))) {
            return false;
        }
        if (newerThan == null && olderThan == null) {
            return true;
        }
        try {
            java.time.Instant written = Files.getLastModifiedTime(f).toInstant();
            return (newerThan == null || written.isAfter(newerThan.toInstant()))
                    && (olderThan == null || written.isBefore(olderThan.toInstant()));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void process(Object input) {
        for (String p : path) {
            try {
                context().resolvePath(p);
            } catch (InvalidPathException e) {
                writeObject(false);
                continue;
            }
            if (isValid) {
                writeObject(true);
                continue;
            }
            List<Path> items;
            try {
                // a wildcard path is true when any item matches it, as in PowerShell
                items = ItemPaths.resolve(context().currentLocation(), p);
            } catch (IOException e) {
                items = List.of();
            }
            writeObject(items.stream().anyMatch(this::counts));
        }
    }
}
