package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * [System.IO.Path]: path strings handled as .NET does on Linux, except that both '/' and '\'
 * count as separators so scripts written for Windows still split their paths.
 */
final class PathType {
    private static final SecureRandom RANDOM = new SecureRandom();

    private PathType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(TypeAdapter.builder("System.IO.Path")
                .constant("DirectorySeparatorChar", '/').constant("AltDirectorySeparatorChar", '\\')
                .constant("PathSeparator", ':')
                .method("Combine", TypeAdapter.ANY, a -> combine(strings(a), true))
                .method("Join", TypeAdapter.ANY, a -> combine(strings(a), false))
                .method("GetFileName", 1, a -> fileName(str(a.get(0))))
                .method("GetFileNameWithoutExtension", 1, a -> withoutExtension(str(a.get(0))))
                .method("GetExtension", 1, a -> extension(str(a.get(0))))
                .method("GetDirectoryName", 1, a -> directoryName(str(a.get(0))))
                .method("IsPathRooted", 1, a -> rooted(str(a.get(0))))
                .method("GetFullPath", 1, a -> Path.of(str(a.get(0))).toAbsolutePath().normalize().toString())
                .method("ChangeExtension", 2, a -> changeExtension(str(a.get(0)), a.get(1)))
                .method("GetTempPath", 0, a -> tempPath())
                .method("GetTempFileName", 0, a -> tempFileName())
                .method("GetRandomFileName", 0, a -> randomFileName())
                .build());
    }

    private static String str(Object v) {
        return v == null ? null : LanguagePrimitives.toStr(v);
    }

    private static List<String> strings(List<Object> args) {
        List<Object> flat = args.size() == 1 ? LanguagePrimitives.toList(args.get(0)) : args;
        return flat.stream().map(PathType::str).toList();
    }

    private static boolean isSeparator(char c) {
        return c == '/' || c == '\\';
    }

    static boolean rooted(String p) {
        return p != null && !p.isEmpty() && (isSeparator(p.charAt(0)) || (p.length() >= 2 && p.charAt(1) == ':'));
    }

    /** Combine restarts at a rooted part (as .NET does); Join just concatenates. */
    static String combine(List<String> parts, boolean restartAtRoot) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (p == null) {
                throw new DotNetException("ArgumentNull", "Value cannot be null. (Parameter 'paths')");
            }
            if (p.isEmpty()) {
                continue;
            }
            if (restartAtRoot && rooted(p)) {
                out.setLength(0);
            } else if (out.length() > 0 && !isSeparator(out.charAt(out.length() - 1)) && !isSeparator(p.charAt(0))) {
                out.append('/');
            }
            out.append(p);
        }
        return out.toString();
    }

    private static int lastSeparator(String p) {
        return Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    }

    static String fileName(String p) {
        return p == null ? null : p.substring(lastSeparator(p) + 1);
    }

    static String extension(String p) {
        if (p == null) {
            return null;
        }
        String name = fileName(p);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot);
    }

    static String withoutExtension(String p) {
        if (p == null) {
            return null;
        }
        String name = fileName(p);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** The folder part; $null for a root or an empty path, "" for a bare file name (as .NET). */
    static String directoryName(String p) {
        if (p == null || p.isEmpty() || p.equals("/") || p.equals("\\") || p.matches("[A-Za-z]:[/\\\\]?")) {
            return null;
        }
        int i = lastSeparator(p);
        if (i < 0) {
            return "";
        }
        String dir = p.substring(0, i);
        return dir.isEmpty() ? p.substring(0, 1) : dir;
    }

    private static String changeExtension(String p, Object ext) {
        String base = p.substring(0, p.length() - extension(p).length());
        if (ext == null) {
            return base;
        }
        String e = str(ext);
        return base + (e.startsWith(".") || e.isEmpty() ? e : "." + e);
    }

    static String tempPath() {
        String t = System.getProperty("java.io.tmpdir");
        return t.endsWith("/") ? t : t + "/";
    }

    /** Creates an empty, uniquely named file in the temp folder and returns its path (as .NET does). */
    private static String tempFileName() {
        try {
            return Files.createTempFile(Path.of(tempPath()), "tmp", ".tmp").toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file: " + e.getMessage(), e);
        }
    }

    /** Eight random characters, a dot and three more, from [a-z0-9] (.NET's 8.3 form). */
    static String randomFileName() {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(12);
        for (int i = 0; i < 11; i++) {
            if (i == 8) {
                b.append('.');
            }
            b.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return b.toString();
    }
}
