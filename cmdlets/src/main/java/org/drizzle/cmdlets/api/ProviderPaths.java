package org.drizzle.cmdlets.api;

import java.nio.file.Path;

/**
 * File-system paths as PowerShell's FileSystem provider reads them on Linux: {@code \} is a
 * separator like {@code /} (scripts written on Windows say {@code "$PSScriptRoot\file.zip"}),
 * a leading {@code ~} is the home folder, and a relative path is taken from the current location.
 */
public final class ProviderPaths {
    private ProviderPaths() {
    }

    /** {@code p} with separators made {@code /} and a leading {@code ~} expanded; not resolved. */
    public static String normalize(String p) {
        String s = p.replace('\\', '/');
        if (s.equals("~") || s.startsWith("~/")) {
            s = System.getProperty("user.home") + s.substring(1);
        }
        return s;
    }

    /** The absolute, normalized path {@code p} names, relative ones taken from {@code location}. */
    public static Path resolve(Path location, String p) {
        return location.resolve(normalize(p)).toAbsolutePath().normalize();
    }
}
