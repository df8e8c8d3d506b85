package org.drizzle.cmdlets.management;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.drizzle.cmdlets.api.FileEncoding;

/**
 * Get-Content -Wait's view of a growing file: the bytes added since the last look, and of those the
 * complete lines (a line still being written waits for its end). A file that shrank was rewritten:
 * it is read again from its start.
 */
final class FileFollower {
    private final Path file;
    private final byte[] lineEnd;
    private long offset;
    private byte[] partial = new byte[0];

    FileFollower(Path file, long offset, FileEncoding encoding) {
        this.file = file;
        this.offset = offset;
        this.lineEnd = "\n".getBytes(encoding.charset());
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The bytes added since the last call (none when the file did not grow). */
    byte[] added() throws IOException {
        long size = Files.size(file);
        if (size < offset) {
            offset = 0;
            partial = new byte[0];
        }
        if (size == offset) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ch.position(offset);
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            int n;
            while ((n = ch.read(buf)) > 0) {
                out.write(buf.array(), 0, n);
                buf.clear();
            }
        }
        offset += out.size();
        return out.toByteArray();
    }

    /** Of the bytes added, those up to the last complete line's end; the rest waits for more. */
    byte[] completeLines(byte[] added) {
        byte[] all = new byte[partial.length + added.length];
        System.arraycopy(partial, 0, all, 0, partial.length);
        System.arraycopy(added, 0, all, partial.length, added.length);
        int cut = lastLineEnd(all);
        partial = Arrays.copyOfRange(all, cut, all.length);
        return Arrays.copyOf(all, cut);
    }

    private int lastLineEnd(byte[] all) {
        for (int i = all.length - lineEnd.length; i >= 0; i -= 1) {
            if (i % lineEnd.length == 0 && Arrays.equals(all, i, i + lineEnd.length, lineEnd, 0, lineEnd.length)) {
                return i + lineEnd.length;
            }
        }
        return 0;
    }
}
