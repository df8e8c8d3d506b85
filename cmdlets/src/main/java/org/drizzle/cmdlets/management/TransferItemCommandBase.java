package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.ProviderPaths;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * Copy-Item and Move-Item: each source goes to -Destination (into it when it is an existing
 * folder), asks shouldProcess, refuses to overwrite without -Force, and outputs the new item with -PassThru.
 */
abstract class TransferItemCommandBase extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            aliases = {"FullName", "LiteralPath", "PSPath", "LP"}, help = "The items to copy or move.")
    String[] path;
    @Parameter(position = 1, help = "Where to put them (the current folder if omitted).")
    String destination;
    @Parameter(help = "Overwrite existing files.")
    boolean force;
    @Parameter(help = "Output the new items.")
    boolean passThru;
    @Parameter(help = "A wildcard the names of the items must match.")
    String filter;
    @Parameter(help = "Wildcards: only items whose name matches one of them.")
    String[] include;
    @Parameter(help = "Wildcards: leave out items whose name matches one of them.")
    String[] exclude;

    /** "Copy File" or "Move File", as the -WhatIf text shows. */
    protected abstract String action();

    /** Does the work for one source; {@code target} is free or may be replaced. */
    protected abstract void transfer(Path source, Path target) throws IOException;

    private boolean selected(Path source) {
        String n = source.getFileName() == null ? "" : source.getFileName().toString();
        return (filter == null || WildcardPattern.of(filter).matches(n))
                && (include == null || Arrays.stream(include).anyMatch(w -> WildcardPattern.of(w).matches(n)))
                && (exclude == null || Arrays.stream(exclude).noneMatch(w -> WildcardPattern.of(w).matches(n)));
    }

    @Override
    public void process(Object input) {
        Path location = context().currentLocation();
        Path dest = destination == null ? location : ProviderPaths.resolve(location, destination);
        for (String p : path) {
            List<Path> sources;
            try {
                sources = ItemPaths.resolve(location, p);
            } catch (IOException e) {
                writeError(new ErrorRecord(e, "ItemIOError", ErrorCategory.READ_ERROR, p));
                continue;
            }
            if (sources.isEmpty()) {
                writeError(new ErrorRecord(ItemPaths.notFound(location, p), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
            }
            for (Path source : sources) {
                if (!selected(source)) {
                    continue;
                }
                Path target = Files.isDirectory(dest) ? dest.resolve(source.getFileName()) : dest;
                if (!context().shouldProcess("Item: " + source + " Destination: " + target, action())) {
                    continue;
                }
                try {
                    if (target.equals(source)) {
                        throw new IOException("Cannot overwrite the item " + source + " with itself.");
                    }
                    if (Files.exists(target) && !force) {
                        throw new FileAlreadyExistsException(target.toString(), null, "the destination already exists; use -Force to overwrite it");
                    }
                    transfer(source, target);
                    if (passThru) {
                        writeObject(new FileItem(target));
                    }
                } catch (IOException e) {
                    writeError(new ErrorRecord(e, action().replace(" ", "") + "Error", ErrorCategory.WRITE_ERROR, source));
                }
            }
        }
    }
}
