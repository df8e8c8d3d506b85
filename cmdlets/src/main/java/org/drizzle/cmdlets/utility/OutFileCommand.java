package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.FileEncoding;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Formatter;

/** Out-File: writes the console rendering of the inputs to a file (UTF-8). */
@Cmdlet(verb = "Out", noun = "File", supportsShouldProcess = true, synopsis = "Sends output to a file.",
        description = "Writes the inputs, formatted as the console shows them, to the file; -Append adds to it.")
@Example(code = "Get-BitsTransfer | Out-File jobs.txt", remarks = "Saves the job table.")
public class OutFileCommand extends CollectingCommand {
    @Parameter(position = 0, mandatory = true, aliases = {"Path", "LiteralPath", "PSPath", "LP"}, help = "The file to write.")
    String filePath;
    @Parameter(help = "Add to the end of the file.")
    boolean append;
    @Parameter(position = 1, help = "utf8NoBOM (default), utf8BOM, ascii, unicode, bigendianunicode, utf32, latin1.")
    String encoding;
    @Parameter(help = "Writes a read-only file too (its write permission is added first).")
    boolean force;
    @Parameter(aliases = "NoOverwrite", help = "Does not replace a file that exists.")
    boolean noClobber;
    @Parameter(help = "Characters in each line of formatted output (120 by default).")
    int width = 120;
    @Parameter(help = "Write the inputs' text one after another, with no newline between or after them.")
    boolean noNewline;

    @Override
    public void end() {
        Path p = context().resolvePath(filePath);
        if (!context().shouldProcess(p.toString(), "Out-File")) {
            return;
        }
        FileEncoding enc = FileEncoding.of(encoding);
        try {
            if (noClobber && !append && Files.exists(p)) {
                throw new IOException("The file '" + p + "' already exists.");
            }
            if (force && Files.exists(p) && !Files.isWritable(p)) {
                p.toFile().setWritable(true, true);
            }
            boolean atStart = !append || !Files.exists(p) || Files.size(p) == 0;
            Files.write(p, enc.encode(text(), atStart), StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throwTerminating(new ErrorRecord(e, "FileOpenFailure", ErrorCategory.OPEN_ERROR, p));
        }
    }

    private String text() {
        if (!noNewline) {
            return Formatter.format(items, width);
        }
        StringBuilder b = new StringBuilder();
        items.forEach(i -> b.append(Formatter.format(java.util.List.of(i), width).replaceAll("\\R+$", "")));
        return b.toString();
    }
}
