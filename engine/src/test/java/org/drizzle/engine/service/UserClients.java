package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;

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
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(entry);
            if (!Files.exists(src)) {
                continue;
            }
            Path dst = copy.resolve(i++ + "-" + src.getFileName());
            copyTree(src, dst);
            entries.add(dst.toString());
        }
        this.classpath = String.join(":", entries);
        Files.walkFileTree(copy, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        if (Files.isRegularFile(src)) {
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (var walk = Files.walk(src)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
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
