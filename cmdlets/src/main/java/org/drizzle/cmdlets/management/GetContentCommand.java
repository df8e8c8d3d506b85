package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Get-Content: a file's lines (or its whole text with -Raw). */
@Cmdlet(verb = "Get", noun = "Content", synopsis = "Gets the content of a file.")
@Example(code = "$id = Get-Content jobid.txt", remarks = "Reads a saved job id.")
public class GetContentCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true, aliases = {"FullName", "PSPath", "LiteralPath", "LP"},
            help = "The files to read.")
    String[] path;
    @Parameter(aliases = {"First", "Head"}, help = "Only the first N lines.")
    Integer totalCount;
    @Parameter(aliases = "Last", help = "Only the last N lines.")
    Integer tail;
    @Parameter(help = "The whole text as one string.")
    boolean raw;
    @Parameter(help = "The file's encoding: utf8 (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Accepted as in PowerShell (hidden files are read like any other here).")
    boolean force;

    @Override
    public void process(Object input) {
        for (String p : path) {
            Path file = context().resolvePath(p);
            FileEncoding enc = FileEncoding.of(encoding);
            try {
                String text = enc.decode(Files.readAllBytes(file));
                if (raw) {
                    writeObject(text);
                    continue;
                }
                List<String> lines = new java.util.ArrayList<>(text.lines().toList());
                if (totalCount != null && totalCount >= 0) {
                    lines = lines.subList(0, Math.min(totalCount, lines.size()));
                }
                if (tail != null) {
                    lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
                }
                lines.forEach(this::writeObject);
            } catch (IOException e) {
                writeError(new ErrorRecord(new IOException("Cannot find path '" + file + "' because it does not exist.",
                        e), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, file));
            }
        }
    }
}
