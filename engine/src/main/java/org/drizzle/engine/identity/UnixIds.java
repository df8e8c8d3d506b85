package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's numeric uid/gid on Unix (read from /proc/self), 0 elsewhere. */
final class UnixIds {
    private UnixIds() {
    }

    static long currentUid() {
        return field("Uid:");
    }

    static long currentGid() {
        return field("Gid:");
    }

    private static long field(String prefix) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(prefix)) {
                    return Long.parseLong(line.substring(prefix.length()).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
