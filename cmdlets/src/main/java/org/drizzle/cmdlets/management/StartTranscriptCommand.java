package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Start-Transcript: records everything the console shows from now on into a text file. */
@Cmdlet(verb = "Start", noun = "Transcript", supportsShouldProcess = true, synopsis = "Creates a record of all or part of a session in a text file.",
        description = "Opens -Path (by default PowerShell_transcript.<machine>.<time>.txt in ~/Documents or "
                + "-OutputDirectory) and asks the host to copy all console output into it until Stop-Transcript.")
@Example(code = "Start-Transcript -Path \"$env:TEMP/bits-deploy.log\" -Append", remarks = "Logs a deployment run.")
public class StartTranscriptCommand extends Command {
    @Parameter(position = 0, aliases = {"LiteralPath", "PSPath", "LP", "LogPath"}, help = "The transcript file.")
    String path;
    @Parameter(help = "The folder for an automatically named transcript.")
    String outputDirectory;
    @Parameter(help = "Add to the end of an existing file.")
    boolean append;
    @Parameter(aliases = "NoOverwrite", help = "Refuse to replace an existing file.")
    boolean noClobber;
    @Parameter(help = "Replace a read-only file too (its write permission is added first).")
    boolean force;
    @Parameter(help = "Accepted for compatibility.")
    boolean includeInvocationHeader;
    @Parameter(help = "A short header: only the start time.")
    boolean useMinimalHeader;

    @Override
    public void process(Object input) {
        Path file = target();
        if (!context().shouldProcess(file.toString(), "Start-Transcript")) {
            return;
        }
        try {
            if (force && Files.exists(file) && !Files.isWritable(file)) {
                file.toFile().setWritable(true, true);
            }
            if (noClobber && !append && Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, "the file exists and -NoClobber was given");
            }
            if (context().ui().transcript() != null) {
                throw new IOException("A transcript is already running; run Stop-Transcript first.");
            }
            TranscriptWriter writer = TranscriptWriter.open(file, append, useMinimalHeader);
            try {
                context().ui().setTranscript(writer);
            } catch (UnsupportedOperationException e) {
                writer.finish();
                throw e;
            }
            writeObject("Transcript started, output file is " + file);
        } catch (IOException | UnsupportedOperationException e) {
            throw throwTerminating(new ErrorRecord(e, "CannotStartTranscription", ErrorCategory.INVALID_OPERATION, file));
        }
    }

    private Path target() {
        if (path != null) {
            return context().resolvePath(path).toAbsolutePath().normalize();
        }
        Path dir = outputDirectory != null ? context().resolvePath(outputDirectory)
                : Path.of(System.getProperty("user.home"), "Documents");
        String host = System.getenv("HOSTNAME") == null ? "localhost" : System.getenv("HOSTNAME");
        return dir.resolve("PowerShell_transcript." + host + "." + Long.toString(System.nanoTime() & 0xffffff, 36) + "."
                + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(LocalDateTime.now()) + ".txt");
    }
}
