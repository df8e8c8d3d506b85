package org.drizzle.engine.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drizzle.engine.job.ErrorCodes;

/**
 * Maps a request's URL path to a file under a virtual directory's root. The order is the
 * guarantee: each segment is percent-decoded once (strict UTF-8) and then checked, so nothing
 * the decoding produces can act as syntax: a segment that is empty, {@code .} or {@code ..}, or
 * holds a separator ({@code /}, {@code \}, NUL, {@code :}) is refused, as are a decoded
 * {@code %} (double encoding), control characters, names whose Unicode compatibility form is a
 * dot name or holds a separator (fullwidth dots and slashes), Windows device names and over-long
 * names. Only then is the path built, checked lexically to lie under the root, and checked
 * against the real file system (links followed where the path exists) to lie under the root and
 * outside the server's own session folder, before any file is opened or folder created.
 * Syntax errors give 400, escapes give 403 (both with their BITS error codes).
 */
final class RemotePaths {
    /** Where sessions live inside each root, as IIS names it. */
    static final String SESSIONS_FOLDER = "BITS-Sessions";
    static final int MAX_SEGMENT_BYTES = 255;
    static final int MAX_PATH_CHARS = 1024;
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "clock$", "conin$", "conout$");
    /** Separators on some platform ({@code :} is the Windows drive and stream separator); NUL ends a name in C. */
    private static final String SEPARATORS = "/\\:\0";
    private static final String FORBIDDEN = "*?\"<>|%";

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
            checkName(name, raw);
            // A layer that folds compatibility characters (fullwidth dots and slashes) must not see syntax either.
            String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
            if (!folded.equals(name)) {
                checkName(folded, raw);
            }
            out.add(name);
        }
        return out;
    }

    private static void checkName(String name, String raw) throws AckException {
        if (name.isEmpty()) {
            throw bad("The path '" + printable(raw) + "' has an empty segment.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path '" + printable(raw) + "' leaves the virtual directory.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (SEPARATORS.indexOf(c) >= 0) {
                throw bad("The name '" + printable(name) + "' holds a path separator.");
            }
            if (c < 0x20 || c == 0x7f || FORBIDDEN.indexOf(c) >= 0) {
                throw bad("The name '" + printable(name) + "' contains a character that is not allowed.");
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            throw bad("The name '" + printable(name.substring(0, 32)) + "...' is longer than " + MAX_SEGMENT_BYTES + " bytes.");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            throw bad("The name '" + printable(name) + "' ends with a dot or a blank.");
        }
        if (isDevice(name)) {
            throw bad("The name '" + printable(name) + "' is a reserved device name.");
        }
    }

    /**
     * The file an upload or a GET names under {@code root}; 403 if it is in the session folder
     * (unless {@code allowSessions}) or any existing part of it is a link leading outside the root.
     */
    static Path resolve(Path root, String raw, boolean allowSessions) throws AckException {
        List<String> names = segments(raw);
        if (!names.isEmpty() && isSessionsFolder(names.get(0)) && !allowSessions) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The session folder cannot be addressed directly.");
        }
        Path target = root;
        for (String name : names) {
            target = target.resolve(name);
        }
        // True by construction (every name is one plain element); checked anyway before the file system is asked.
        if (target.getNameCount() != root.getNameCount() + names.size() || !target.normalize().equals(target)
                || !target.startsWith(root)) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path '" + printable(raw) + "' leaves the virtual directory.");
        }
        checkInside(root, target, allowSessions);
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

    /**
     * Creates the folders between the root and {@code target} one at a time, each only after its
     * parent was found inside the root (links followed), so no folder is ever made elsewhere.
     */
    static void createParents(Path root, Path target) throws AckException, IOException {
        Path dir = root;
        for (Path name : root.relativize(target.getParent())) {
            dir = dir.resolve(name);
            checkInside(root, dir, false);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    // Made concurrently: checked like any existing folder below.
                }
            }
            if (!Files.isDirectory(dir)) {
                throw bad("The path names a file where a folder is needed.");
            }
        }
        checkInside(root, target, false);
    }

    /** 403 unless the deepest existing ancestor of {@code target} (links followed) lies under root (and outside its session folder). */
    static void checkInside(Path root, Path target, boolean allowSessions) throws AckException {
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
            Path real = probe.toRealPath();
            if (!real.startsWith(realRoot)) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path leads outside the virtual directory through a link.");
            }
            // Also catches a link into the session folder and, on Windows, its 8.3 short name.
            if (!allowSessions && real.startsWith(realRoot.resolve(SESSIONS_FOLDER))) {
                throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path leads into the session folder.");
            }
        } catch (IOException e) {
            throw new AckException(403, ErrorCodes.E_ACCESSDENIED, "The path cannot be checked: " + e.getMessage());
        }
    }

    /** The session folder's name, also in any case or compatibility form. */
    static boolean isSessionsFolder(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).equalsIgnoreCase(SESSIONS_FOLDER);
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
