package org.drizzle.host.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * What a pipeline's redirections ask of streams 2 (error) to 6 (information): {@code N>$null}
 * drops, {@code N>&1} merges into the output, {@code N> file} / {@code N>> file} writes the text
 * there. {@code *>} stands for all of them. Stream 1 ({@code >}, {@code 1>}) is Out-File.
 */
final class StreamRedirects {
    static final int ERROR = 2;
    static final int WARNING = 3;
    static final int VERBOSE = 4;
    static final int DEBUG = 5;
    static final int INFORMATION = 6;

    enum Mode { DROP, MERGE, FILE }

    /** One stream's target. */
    record Target(Mode mode, Path file) {
    }

    static final StreamRedirects NONE = new StreamRedirects();

    /** The redirections of a function or script-block call while its body runs, and where N>&1 sends records. */
    record Active(StreamRedirects redirects, java.util.function.Consumer<Object> sink) {
    }

    private final Map<Integer, Target> targets = new HashMap<>();

    void set(int stream, Target target) {
        targets.put(stream, target);
    }

    /** The target of {@code stream}, or null when it is not redirected. */
    Target of(int stream) {
        return targets.get(stream);
    }

    boolean isEmpty() {
        return targets.isEmpty();
    }

    boolean drops(int stream) {
        Target t = targets.get(stream);
        return t != null && t.mode() == Mode.DROP;
    }

    /** Sends {@code text} of {@code stream} where it was redirected; false when it was not. */
    boolean route(int stream, Object record, String text, java.util.function.Consumer<Object> merge) {
        Target t = targets.get(stream);
        if (t == null) {
            return false;
        }
        switch (t.mode()) {
            case MERGE -> merge.accept(record);
            case FILE -> append(t.file(), text);
            default -> { }
        }
        return true;
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write to '" + file + "': " + e.getMessage(), e);
        }
    }
}
