package org.drizzle.engine.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bytes of one version of a served resource: generated from a seed (every offset has its
 * own value, so a splice at the wrong offset changes the SHA-256) or read from a file.
 */
public abstract class Content {

    /** Total length in bytes. */
    public abstract long length();

    /** Copies {@code len} bytes starting at {@code position} into {@code buffer}. */
    public abstract void read(long position, byte[] buffer, int off, int len);

    /** Generated content: byte {@code p} derives from {@code seed} and {@code p}. */
    public static Content generated(long length, long seed) {
        return new Generated(length, seed);
    }

    /** The bytes of a file, read on demand (the file may be large). */
    public static Content file(Path path) {
        return new FileBacked(path);
    }

    /** All bytes in memory (tests compare small downloads byte for byte). */
    public byte[] bytes() {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("content of " + length() + " bytes does not fit an array");
        }
        byte[] all = new byte[(int) length()];
        read(0, all, 0, all.length);
        return all;
    }

    /** SHA-256 of the whole content, lower-case hex. */
    public String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        for (long p = 0; p < length(); p += buffer.length) {
            int n = (int) Math.min(buffer.length, length() - p);
            read(p, buffer, 0, n);
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static final class Generated extends Content {
        private final long length;
        private final long seed;

        Generated(long length, long seed) {
            this.length = length;
            this.seed = seed;
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public void read(long position, byte[] buffer, int off, int len) {
            long word = mix(seed ^ (position >>> 3));
            for (int i = 0; i < len; i++) {
                long p = position + i;
                if ((p & 7) == 0) {
                    word = mix(seed ^ (p >>> 3));
                }
                buffer[off + i] = (byte) (word >>> ((p & 7) << 3));
            }
        }

        /** SplitMix64 finaliser: cheap and well spread. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    private static final class FileBacked extends Content {
        private final Path path;
        private volatile FileChannel channel;

        FileBacked(Path path) {
            this.path = path;
        }

        @Override
        public long length() {
            try {
                return java.nio.file.Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void read(long position, byte[] buffer, int off, int len) {
            try {
                // Positional reads on one shared channel are thread-safe; the channel lives as long as the JVM.
                FileChannel ch = channel;
                if (ch == null) {
                    synchronized (this) {
                        if (channel == null) {
                            channel = FileChannel.open(path, StandardOpenOption.READ);
                        }
                        ch = channel;
                    }
                }
                ByteBuffer target = ByteBuffer.wrap(buffer, off, len);
                while (target.hasRemaining()) {
                    if (ch.read(target, position + target.position() - off) < 0) {
                        throw new IOException("file " + path + " is shorter than " + (position + len));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
