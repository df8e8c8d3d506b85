package org.drizzle.engine.identity;

import java.util.Locale;

/**
 * Linux system-call numbers for the per-thread credential calls, by CPU architecture
 * ({@code os.arch}). The kernel applies these to the calling thread only.
 */
record Syscalls(long getgroups, long setgroups, long setfsuid, long setfsgid, long gettid,
                long umask, long unshare) {
    /** {@code CLONE_FS} for unshare: the thread gets its own umask/cwd instead of the process's. */
    static final int CLONE_FS = 0x200;
    static final Syscalls X86_64 = new Syscalls(115, 116, 122, 123, 186, 95, 272);
    static final Syscalls AARCH64 = new Syscalls(158, 159, 151, 152, 178, 166, 97);

    /** The table for {@code arch}, or an exception naming the unsupported architecture. */
    static Syscalls forArch(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> X86_64;
            case "aarch64", "arm64" -> AARCH64;
            default -> throw new UnsupportedOperationException(
                    "Per-thread impersonation has no system-call table for architecture '" + arch
                            + "' (supported: x86_64, aarch64).");
        };
    }
}
