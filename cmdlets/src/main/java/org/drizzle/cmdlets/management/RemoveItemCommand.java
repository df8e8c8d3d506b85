package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Remove-Item: deletes files, and folders with -Recurse. */
@Cmdlet(verb = "Remove", noun = "Item", supportsShouldProcess = true, synopsis = "Deletes files and folders.",
        description = "Deletes the items; a non-empty folder needs -Recurse. Wildcards in the last segment are expanded.")
@Example(code = "Remove-Item $temp -Recurse -Force", remarks = "Deletes a folder tree.")
public class RemoveItemCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The items to delete.")
    String[] path;
    @Parameter(aliases = "r", help = "Delete folders with their contents.")
    boolean recurse;
    @Parameter(help = "Accepted for compatibility (read-only files are deleted anyway).")
    boolean force;
    @Parameter(help = "A wildcard the names of the items to delete must match.")
    String filter;
    @Parameter(help = "Wildcards: only items whose name matches one of them are deleted.")
    String[] include;
    @Parameter(help = "Wildcards: items whose name matches one of them are kept.")
    String[] exclude;

    @Override
    public void process(Object input) {
        for (String p : path) {
            for (Path target : selected(expand(context().resolvePath(p).normalize()))) {
                if (!context().shouldProcess(target.toString(), "Remove Item")) {
                    continue;
                }
                try {
                    delete(target);
                } catch (DirectoryNotEmptyException e) {
                    writeError(new ErrorRecord(new IOException("The item at '" + target + "' has children and the "
                            + "Recurse parameter was not specified."), "DirectoryNotEmpty",
                            ErrorCategory.WRITE_ERROR, target));
                } catch (IOException e) {
                    writeError(new ErrorRecord(e, "RemoveItemIOError", ErrorCategory.WRITE_ERROR, target));
                }
            }
        }
    }

    /**
     * With -Filter, -Include or -Exclude, only the items whose names pass; a folder given with them and
     * -Recurse stands for the items inside it (Remove-Item ./logs -Recurse -Include *.tmp).
     */
    private List<Path> selected(List<Path> items) {
        if (filter == null && include == null && exclude == null) {
            return items;
        }
        List<Path> out = new java.util.ArrayList<>();
        for (Path t : items) {
            if (recurse && Files.isDirectory(t) && !passes(t)) {
                try (Stream<Path> s = Files.walk(t)) {
                    s.skip(1).filter(this::passes).sorted(Comparator.reverseOrder()).forEach(out::add);
                } catch (IOException e) {
                    writeError(new ErrorRecord(e, "RemoveItemIOError", ErrorCategory.READ_ERROR, t));
                }
            } else if (passes(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private boolean passes(Path t) {
        String n = t.getFileName() == null ? "" : t.getFileName().toString();
        return (filter == null || WildcardPattern.of(filter).matches(n))
                && (include == null || java.util.Arrays.stream(include).anyMatch(w -> WildcardPattern.of(w).matches(n)))
                && (exclude == null || java.util.Arrays.stream(exclude).noneMatch(w -> WildcardPattern.of(w).matches(n)));
    }

    private List<Path> expand(Path target) {
        String leaf = target.getFileName() == null ? "" : target.getFileName().toString();
        if (!WildcardPattern.containsWildcard(leaf)) {
            if (!Files.exists(target)) {
                writeError(new ErrorRecord(new IOException("Cannot find path '" + target + "' because it does not exist."),
                        "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, target));
                return List.of();
            }
            return List.of(target);
        }
        WildcardPattern pattern = WildcardPattern.of(leaf);
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(f -> pattern.matches(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void delete(Path target) throws IOException {
        if (Files.isDirectory(target) && recurse) {
            try (Stream<Path> s = Files.walk(target)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        } else {
            Files.delete(target);
        }
    }
}
