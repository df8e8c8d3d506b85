package org.drizzle.engine.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the registry in Prometheus text format to a node_exporter textfile-collector file.
 * node_exporter may read at any moment, so each write goes to a temp file in the same folder
 * (which is never named *.prom, so it is never collected), then is renamed over the file;
 * the file is 0644 (node_exporter often runs as another user).
 */
final class TextfileWriter {
    private final Path file;
    private final PrometheusRegistry registry;
    private final PrometheusTextFormatWriter format = new PrometheusTextFormatWriter(false);

    TextfileWriter(Path file, PrometheusRegistry registry) {
        this.file = file;
        this.registry = registry;
    }

    Path file() {
        return file;
    }

    synchronized void write() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                format.write(out, registry.scrape());
            }
            if (!com.sun.jna.Platform.isWindows()) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
