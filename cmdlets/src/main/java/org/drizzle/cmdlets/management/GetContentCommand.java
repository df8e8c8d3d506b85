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
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.api.StopSignal;

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
    @Parameter(help = "Output the lines in arrays of N (0 or less: one array of them all).")
    long readCount = 1;
    @Parameter(help = "Split the text at this string instead of at line ends (the delimiter stays at each piece's end).")
    String delimiter;
    @Parameter(help = "Output the bytes (a byte array with -Raw) instead of text.")
    boolean asByteStream;
    @Parameter(help = "After the end, keep the file open and output the lines added to it (checked four times a second) "
            + "until the pipeline stops: Ctrl+C, or Select-Object -First having its lines. Ends if the file is deleted.")
    boolean wait;
    @Parameter(help = "A wildcard the names of the files -Path resolves to must match.")
    String filter;
    @Parameter(help = "Wildcards: only read files whose name matches one of them.")
    String[] include;
    @Parameter(help = "Wildcards: do not read files whose name matches one of them.")
    String[] exclude;

    private final StopSignal stop = new StopSignal();

    @Override
    public void begin() {
        if (wait && raw) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("The parameters Raw and Wait cannot be "
                    + "specified in the same command."), "GetContentReaderArgumentError", ErrorCategory.INVALID_ARGUMENT, null));
        }
    }

    @Override
    public void process(Object input) {
        ItemFilter filters = new ItemFilter(filter, include, exclude);
        for (String p : path) {
            List<Path> files;
            try {
                files = ItemPaths.resolve(context().currentLocation(), p);
            } catch (IOException e) {
                files = List.of();
            }
            if (files.isEmpty()) {
                // nothing there: read the path as written, so the error names it
                read(context().resolvePath(p));
            }
            for (Path file : filters.apply(files)) {
                read(file);
            }
        }
    }

    private void read(Path file) {
        if (Files.isDirectory(file)) {
            writeError(new ErrorRecord(new IOException("Unable to get content because it is a directory: '" + file
                    + "'. Please use 'Get-ChildItem' instead."), "GetContentReaderUnauthorizedAccessError",
                    ErrorCategory.PERMISSION_DENIED, file));
            return;
        }
        FileEncoding enc = FileEncoding.of(encoding);
        try {
            byte[] data = Files.readAllBytes(file);
            if (asByteStream) {
                if (raw) {
                    writeObject(data);
                } else {
                    for (byte b : data) {
                        writeObject(b & 0xff);
                    }
                }
                return;
            }
            String text = enc.decode(data);
            if (raw) {
                writeObject(text);
                return;
            }
            List<Object> lines = new java.util.ArrayList<>(pieces(text));
            if (totalCount != null && totalCount >= 0) {
                lines = lines.subList(0, Math.min(totalCount, lines.size()));
            }
            if (tail != null) {
                lines = lines.subList(Math.max(0, lines.size() - tail), lines.size());
            }
            emit(lines);
            if (totalCount == null || totalCount < 0 || lines.size() < totalCount) {
                follow(file, data.length, enc);
            }
        } catch (IOException e) {
            writeError(new ErrorRecord(new IOException("Cannot find path '" + file + "' because it does not exist.",
                    e), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, file));
        }
    }

    /** -Wait: outputs what is added to the file until the pipeline stops or the file is deleted. */
    private void follow(Path file, long from, FileEncoding enc) throws IOException {
        if (!wait) {
            return;
        }
        FileFollower follower = new FileFollower(file, from, enc);
        while (true) {
            pause();
            if (!follower.exists()) {
                writeError(new ErrorRecord(new IOException("The file '" + file + "' was deleted while waiting for new "
                        + "content."), "GetContentReaderFileNotFoundError", ErrorCategory.OBJECT_NOT_FOUND, file));
                return;
            }
            byte[] added = follower.added();
            if (asByteStream) {
                for (byte b : added) {
                    writeObject(b & 0xff);
                }
            } else {
                byte[] whole = follower.completeLines(added);
                if (whole.length > 0) {
                    emit(new java.util.ArrayList<>(pieces(enc.decode(whole))));
                }
            }
        }
    }

    /** A quarter of a second, or until Ctrl+C (then the pipeline stops). */
    private void pause() {
        if (context().isStopping()) {
            throw new PipelineStoppedException();
        }
        stop.await(250);
        if (context().isStopping()) {
            throw new PipelineStoppedException();
        }
    }

    @Override
    public void stop() {
        stop.stop();
    }

    private List<String> pieces(String text) {
        if (delimiter == null || delimiter.isEmpty()) {
            return text.lines().toList();
        }
        List<String> out = new java.util.ArrayList<>();
        int from = 0;
        for (int at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, from)) {
            out.add(text.substring(from, at + delimiter.length()));
            from = at + delimiter.length();
        }
        if (from < text.length()) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** One line at a time, or -ReadCount lines per array. */
    private void emit(List<Object> lines) {
        if (readCount == 1) {
            lines.forEach(this::writeObject);
            return;
        }
        int size = readCount <= 0 ? Math.max(1, lines.size()) : (int) Math.min(readCount, Integer.MAX_VALUE);
        for (int i = 0; i < lines.size(); i += size) {
            writeObject(lines.subList(i, Math.min(lines.size(), i + size)).toArray());
        }
    }
}
