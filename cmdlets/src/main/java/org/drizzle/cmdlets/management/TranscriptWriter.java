package org.drizzle.cmdlets.management;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The transcript file Start-Transcript opens and the host tees console text into; writes
 * PowerShell's start and end banners and flushes after every write so a crash loses nothing.
 */
public final class TranscriptWriter extends FilterWriter {
    private static final String RULE = "**********************";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final Path path;

    private TranscriptWriter(Writer out, Path path) {
        super(out);
        this.path = path;
    }

    static TranscriptWriter open(Path path, boolean append) throws IOException {
        return open(path, append, false);
    }

    /** With {@code minimal} (-UseMinimalHeader) the header names only the start time. */
    static TranscriptWriter open(Path path, boolean append, boolean minimal) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        TranscriptWriter t = new TranscriptWriter(w, path);
        String start = RULE + "\nPowerShell transcript start\nStart time: " + STAMP.format(LocalDateTime.now());
        if (minimal) {
            t.write(start + "\n" + RULE + "\n");
            return t;
        }
        t.write(start + "\nUsername: " + System.getProperty("user.name") + "\nMachine: " + host() + " (" + System.getProperty("os.name")
                + ")\nHost Application: drizzle\nProcess ID: " + ProcessHandle.current().pid() + "\n" + RULE + "\n");
        return t;
    }

    private static String host() {
        String h = System.getenv("HOSTNAME");
        return h == null ? "localhost" : h;
    }

    public Path path() {
        return path;
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        super.write(str, off, len);
        flush();
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        super.write(cbuf, off, len);
        flush();
    }

    /** Writes the end banner and closes the file. */
    void finish() throws IOException {
        write(RULE + "\nPowerShell transcript end\nEnd time: " + STAMP.format(LocalDateTime.now()) + "\n" + RULE + "\n");
        close();
    }
}
