package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Set-Content: replaces a file's content with the values, one per line. */
@Cmdlet(verb = "Set", noun = "Content", supportsShouldProcess = true, synopsis = "Writes content to a file, replacing it.")
@Example(code = "$job.JobId | Set-Content jobid.txt", remarks = "Saves a job id for a later run.")
public class SetContentCommand extends Command {
    @Parameter(aliases = {"LiteralPath", "PSPath", "LP"}, position = 0, mandatory = true,
            help = "The files to write (a wildcard names the existing files it matches).")
    String[] path;
    @Parameter(position = 1, mandatory = true, valueFromPipeline = true, help = "The lines to write.")
    Object[] value;
    @Parameter(help = "Do not end lines.")
    boolean noNewline;
    @Parameter(help = "utf8NoBOM (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Writes a read-only file too (its write permission is added first).")
    boolean force;
    @Parameter(help = "Also output the content written.")
    boolean passThru;
    @Parameter(help = "Write the values as bytes (a byte array, or numbers 0-255) instead of as text.")
    boolean asByteStream;
    @Parameter(help = "A wildcard the names of the files -Path resolves to must match.")
    String filter;
    @Parameter(help = "Wildcards: only write files whose name matches one of them.")
    String[] include;
    @Parameter(help = "Wildcards: do not write files whose name matches one of them.")
    String[] exclude;

    private final List<String> lines = new ArrayList<>();

    /** Whether to add to the end (Add-Content) rather than replace. */
    protected boolean appends() {
        return false;
    }

    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private final List<Object> written = new ArrayList<>();

    @Override
    public void process(Object input) {
        for (Object v : value) {
            written.add(v);
            if (asByteStream) {
                addBytes(v);
            } else {
                lines.add(LanguagePrimitives.toStr(v));
            }
        }
    }

    private void addBytes(Object v) {
        if (v instanceof byte[] b) {
            bytes.writeBytes(b);
            return;
        }
        for (Object o : LanguagePrimitives.toList(v)) {
            long n;
            try {
                n = LanguagePrimitives.toNumber(o).longValue();
            } catch (RuntimeException e) {
                n = -1;
            }
            if (n < 0 || n > 255) {
                throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot convert value \""
                        + LanguagePrimitives.toStr(o) + "\" to type \"System.Byte\". Error: \"Value was either too large "
                        + "or too small for an unsigned byte.\""), "InvalidCastIConvertible", ErrorCategory.INVALID_ARGUMENT, o));
            }
            bytes.write((int) n);
        }
    }

    @Override
    public void end() {
        ItemFilter filters = new ItemFilter(filter, include, exclude);
        for (String p : path) {
            for (Path file : filters.apply(targets(p))) {
                write(file);
            }
        }
        if (passThru) {
            written.forEach(this::writeObject);
        }
    }

    /** The file {@code p} names, or the existing files its wildcard leaf matches (an error when none). */
    private List<Path> targets(String p) {
        Path file = context().resolvePath(p);
        String leaf = file.getFileName() == null ? "" : file.getFileName().toString();
        if (Files.exists(file) || !WildcardPattern.containsWildcard(leaf)) {
            return List.of(file);
        }
        try {
            List<Path> found = ItemPaths.resolve(context().currentLocation(), p);
            if (!found.isEmpty()) {
                return found;
            }
        } catch (IOException e) {
            // reported below as not found
        }
        writeError(new ErrorRecord(ItemPaths.notFound(context().currentLocation(), p), "PathNotFound",
                ErrorCategory.OBJECT_NOT_FOUND, p));
        return List.of();
    }

    private void write(Path file) {
        if (!context().shouldProcess(file.toString(), appends() ? "Add Content" : "Set Content")) {
            return;
        }
        String text = noNewline ? String.join("", lines) : lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        FileEncoding enc = FileEncoding.of(encoding);
        try {
            if (force && Files.exists(file) && !Files.isWritable(file)) {
                file.toFile().setWritable(true, true);
            }
            boolean atStart = !appends() || !Files.exists(file) || Files.size(file) == 0;
            Files.write(file, asByteStream ? bytes.toByteArray() : enc.encode(text, atStart), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, appends() ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throwTerminating(new ErrorRecord(e, "WriteError", ErrorCategory.WRITE_ERROR, file));
        }
    }
}
