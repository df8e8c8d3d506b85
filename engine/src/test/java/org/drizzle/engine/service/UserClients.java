package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ReadableClassPath;

/**
 * Runs {@link ServiceTestClient} as another user: a copy of the test classpath every user can
 * read, then {@code setpriv --reuid --regid --init-groups} with a chosen umask.
 */
final class UserClients implements AutoCloseable {
    private final Path copy;
    private final String classpath;
    private final Path socket;

    UserClients(Path socket) throws IOException {
        this.socket = socket;
        this.copy = Files.createTempDirectory("drizzle-cp");
        this.classpath = ReadableClassPath.copy(copy);
    }

    /** Runs one client command as {@code user} with {@code umask}; returns its one output line. */
    String run(Account user, String umask, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(),
                "--init-groups", "--", "/bin/sh", "-c", "umask " + umask + "; exec \"$@\"", "sh",
                java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, ServiceTestClient.class.getName(), socket.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        String last = out.lines().reduce((a, b) -> b).orElse("");
        if (!last.startsWith("OK ") && !last.startsWith("ERR ")) {
            throw new IOException("client as " + user.name() + " failed: " + out);
        }
        return last;
    }

    @Override
    public void close() throws IOException {
        try (var walk = Files.walk(copy)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
