package org.drizzle.host.quick;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the quick path's port file only if nobody but the caller could have written it (issue 13
 * item 3): the file and its folder are owned by the caller's uid, the file is a regular 0600
 * file, the folder is not group- or other-writable, and neither is a symbolic link. A port file
 * another user could plant would otherwise receive the caller's command line and environment.
 * Anything else reads as "no port file", and the command takes the full host path.
 */
final class PortFile {
    private static final String UNIX = "unix:uid,mode";
    private static final int TYPE = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 0040000;

    private PortFile() {
    }

    /** The port file's fields ({@code <port> <token> <service-token>}), or null if it is missing or not trusted. */
    static String[] read(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            Path folder = abs.getParent();
            int me = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue();
            if (folder == null || !trusted(abs, me, REGULAR, 0777, 0600) || !trusted(folder, me, DIRECTORY, 0022, 0)) {
                return null;
            }
            String[] fields = Files.readString(abs, StandardCharsets.US_ASCII).trim().split(" ");
            return fields.length == 3 ? fields : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Owned by {@code uid}, of {@code type}, and with {@code mode & mask == expected}; links are not followed. */
    private static boolean trusted(Path p, int uid, int type, int mask, int expected) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, UNIX, LinkOption.NOFOLLOW_LINKS);
        int mode = ((Number) a.get("mode")).intValue();
        return ((Number) a.get("uid")).intValue() == uid && (mode & TYPE) == type && (mode & mask) == expected;
    }
}
