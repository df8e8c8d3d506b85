package org.drizzle.engine.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;

/**
 * Runs a main class of the test classpath as another local user (setpriv --reuid --regid
 * --init-groups), from a copy of the classpath every user can read.
 */
final class UserJvm implements AutoCloseable {
    private final Path copy;
    private final String classpath;

    UserJvm() throws IOException {
        copy = Files.createTempDirectory("dzmc-cp");
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = copy.resolve(i++ + "-" + src.getFileName());
            try (var walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path t = Files.isDirectory(src) ? dst.resolve(src.relativize(p).toString()) : dst;
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            entries.add(dst.toString());
        }
        classpath = String.join(":", entries);
        try (var walk = Files.walk(copy)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    /** Runs {@code main} with {@code args} as {@code user}; returns its output (stdout and stderr). */
    String run(Account user, Class<?> main, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + user.uid(), "--regid=" + user.gid(),
                "--init-groups", "--", java, "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, main.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out.strip();
    }

    @Override
    public void close() throws IOException {
        try (var walk = Files.walk(copy)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
