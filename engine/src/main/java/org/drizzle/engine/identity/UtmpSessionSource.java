package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Sessions from the utmp file (glibc's {@code struct utmp}, 384 bytes per record, native byte
 * order): USER_PROCESS records whose login process is still alive. Used where systemd-logind
 * is absent (containers, other init systems).
 */
public final class UtmpSessionSource implements SessionSource {
    public static final Path DEFAULT_FILE = Path.of("/run/utmp");
    static final int RECORD = 384;
    static final int USER_PROCESS = 7;
    private static final int PID_OFFSET = 4;
    private static final int USER_OFFSET = 44;
    private static final int USER_LENGTH = 32;

    private final Path file;

    public UtmpSessionSource(Path file) {
        this.file = file;
    }

    @Override
    public Sessions read() throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Sessions.NONE;
        }
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
        Set<String> names = new HashSet<>();
        for (int at = 0; at + RECORD <= data.length; at += RECORD) {
            if (buf.getShort(at) != USER_PROCESS) {
                continue;
            }
            int pid = buf.getInt(at + PID_OFFSET);
            String user = cString(data, at + USER_OFFSET, USER_LENGTH);
            // Crashed terminals leave stale USER_PROCESS records behind; trust only live ones.
            if (!user.isEmpty() && alive(pid)) {
                names.add(user);
            }
        }
        return new Sessions(Set.of(), Set.copyOf(names));
    }

    private static boolean alive(int pid) {
        return pid <= 0 || !Files.isDirectory(Path.of("/proc/self")) || Files.exists(Path.of("/proc/" + pid));
    }

    private static String cString(byte[] data, int from, int max) {
        int end = from;
        while (end < from + max && data[end] != 0) {
            end++;
        }
        return new String(data, from, end - from, StandardCharsets.UTF_8).trim();
    }

    @Override
    public String describe() {
        return "utmp (" + file + ")";
    }
}
