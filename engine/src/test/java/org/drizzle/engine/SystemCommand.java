package org.drizzle.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a system tool a root-only test needs (ip, tc, useradd) and fails with its output. */
public final class SystemCommand {
    private SystemCommand() {
    }

    /** Runs {@code cmd}; an IOException carrying the command and its output when it fails or hangs 30 s. */
    public static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
        }
    }
}
