package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The umask to create each owner's files with. A client reports its process umask when it
 * connects (it only affects that user's own files, so trusting it gives nothing away); until
 * then the system default applies (UMASK in /etc/login.defs, else 022).
 */
public final class OwnerUmasks {
    private final int systemDefault;
    private final Map<Long, Integer> byUid = new ConcurrentHashMap<>();

    public OwnerUmasks(int systemDefault) {
        this.systemDefault = systemDefault & 0777;
    }

    public static OwnerUmasks system() {
        return new OwnerUmasks(loginDefsUmask(Path.of("/etc/login.defs")));
    }

    public void report(long uid, int umask) {
        byUid.put(uid, umask & 0777);
    }

    public int umaskOf(long uid) {
        return byUid.getOrDefault(uid, systemDefault);
    }

    /** This process's umask (Linux ≥ 4.7 shows it in /proc/self/status), else 022. */
    public static int currentProcessUmask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring(6).trim(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 022;
        }
        return 022;
    }

    static int loginDefsUmask(Path loginDefs) {
        try {
            for (String line : Files.readAllLines(loginDefs)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && parts[0].equals("UMASK")) {
                    return Integer.parseInt(parts[1], 8);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 022;
        }
        return 022;
    }
}
