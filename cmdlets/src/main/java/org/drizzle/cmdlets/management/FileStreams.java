package org.drizzle.cmdlets.management;

import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Optional;

/**
 * The bytes a script's {@code [System.IO.FileStream]} (from {@code (Get-Item f).OpenRead()} or
 * {@code Open(...)}) still holds, from its current position, for cmdlets that read a stream
 * (Get-FileHash -InputStream). Closing the returned stream does not close the FileStream: the
 * script that opened it closes it, as in .NET.
 */
public final class FileStreams {
    private FileStreams() {
    }

    public static Optional<InputStream> remaining(Object value) {
        if (!(value instanceof FileStream f)) {
            return Optional.empty();
        }
        InputStream in = Channels.newInputStream(f.channel());
        return Optional.of(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the FileStream stays open for the script
            }
        });
    }
}
