package org.drizzle.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drizzle.engine.job.ErrorCodes;

/**
 * Maps a request's URL path to a file under a virtual directory's root, refusing anything
 * that could name a file elsewhere: {@code ..} and {@code .}, absolute or drive paths,
 * backslashes, percent-encoded traversal (decoded once, and a decoded {@code %} is refused
 * so double encoding cannot sneak through), control characters, Windows device names,
 * over-long names, the server's own session folder, and symbolic links leading out of the
 * root. Syntax errors give 400, escapes give 403 (both with their BITS error codes).
 */
final class RemotePaths {
    /** Where sessions live inside each root, as IIS names it. */
    static final String SESSIONS_FOLDER = "BITS-Sessions";
    static final int MAX_SEGMENT_BYTES = 255;
    static final int MAX_PATH_CHARS = 1024;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "clock$", "conin$", "conout$");
    private static final String FORBIDDEN = "\\:*?\"<>|%";

    private RemotePaths() {
    }

    /** Decoded, validated path segments of a raw (percent-encoded) relative path. */
    static List<String> segments(String raw) throws AckException {
        int query = raw.indexOf('?');
        String path = query >= 0 ? raw.substring(0, query) : raw;
        if (path.length() > MAX_PATH_CHARS) {
            throw bad("The path is longer than " + MAX_PATH_CHARS + " characters.");
        }
        List<String> out = new ArrayList<>();
        if (path.isEmpty()) {
            return out;
        }
        for (String encoded : path.split("/", -1)) {
            String name = decode(encoded);
            if (name.isEmpty()) {
                throw bad("The path '" + raw + "' has an empty segment.");
            }
            if (name.equals(".") || name.equals("..")) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path '" + raw + "' leaves the virtual directory.");
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c < 0x20 || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
                    throw bad("The name '" + printable(name) + "' contains a character that is not allowed.");
                }
            }
            if (name.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw bad("The name '" + name.substring(0, 32) + "...' is longer than " + MAX_SEGMENT_BYTES + " bytes.");
            }
            if (name.endsWith(".") || name.endsWith(" ")) {
                throw bad("The name '" + name + "' ends with a dot or a blank.");
            }
            if (isDevice(name)) {
                throw bad("The name '" + name + "' is a reserved device name.");
            }
            out.add(name);
        }
        return out;
    }

    /**
     * The file an upload or a GET names under {@code root}; 403 if it is the session folder
     * or any existing part of it is a link leading outside the root.
     */
    static Path resolve(Path root, String raw, boolean allowSessions) throws AckException {
        List<String> names = segments(raw);
        if (!names.isEmpty() && names.get(0).equalsIgnoreCase(SESSIONS_FOLDER) && !allowSessions) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The session folder cannot be addressed directly.");
        }
        Path target = root;
        for (String name : names) {
            target = target.resolve(name);
        }
        checkInside(root, target);
        return target;
    }

    /** The file an upload names; 400 for the directory itself or a folder. */
    static Path uploadTarget(VirtualDirectory vdir, String relative) throws AckException {
        Path target = resolve(vdir.root(), relative, false);
        if (relative.isEmpty() || Files.isDirectory(target)) {
            throw bad("The URL names a directory, not a file.");
        }
        return target;
    }

    /** 403 unless the deepest existing ancestor of {@code target} (links followed) lies under root. */
    static void checkInside(Path root, Path target) throws AckException {
        try {
            Path realRoot = root.toRealPath();
            Path probe = target;
            while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
                probe = probe.getParent();
            }
            if (probe == null) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path is outside the virtual directory.");
            }
            if (Files.isSymbolicLink(probe) && !Files.exists(probe)) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path is a dangling link.");
            }
            if (!probe.toRealPath().startsWith(realRoot)) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path leads outside the virtual directory through a link.");
            }
        } catch (IOException e) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path cannot be checked: " + e.getMessage());
        }
    }

    private static boolean isDevice(String name) {
        String base = name.toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        base = base.stripTrailing();
        if (DEVICES.contains(base)) {
            return true;
        }
        return base.length() == 4 && (base.startsWith("com") || base.startsWith("lpt"))
                && Character.isDigit(base.charAt(3));
    }

    /** Strict single percent-decoding as UTF-8; malformed escapes are a 400. */
    private static String decode(String s) throws AckException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw bad("The path has a malformed escape.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad("The path has a malformed escape.");
                }
                out[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else if (c < 0x80) {
                out[n++] = (byte) c;
            } else {
                throw bad("The path has a raw non-ASCII character.");
            }
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(out, 0, n)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw bad("The path is not valid UTF-8.");
        }
    }

    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static AckException bad(String message) {
        return new AckException(400, ErrorCodes.E_INVALIDARG, message);
    }
}
