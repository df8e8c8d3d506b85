package org.drizzle.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ReadableClassPath;
import org.drizzle.engine.identity.ThrowawayUsers;

/**
 * The Drizzle host run as an ordinary user in a private store: a throwaway account (through
 * setpriv) when the tests run as root, else the current user. Its folders are owned by that user,
 * and {@link #launcher()} is what a notify command line names in place of /usr/bin/drizzle.
 */
final class UserHost implements AutoCloseable {
    private final Account account;
    private final Path base;
    private final String classpath;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private int runs;
    private int folders;

    private UserHost(Account account, Path base, String classpath) {
        this.account = account;
        this.base = base;
        this.classpath = classpath;
    }

    static UserHost create(ThrowawayUsers users, String prefix) throws Exception {
        Path base = Files.createTempDirectory(Path.of("/tmp"), "drizzle-user-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!ThrowawayUsers.IS_ROOT) {
            return new UserHost(null, base, System.getProperty("java.class.path"));
        }
        Account account = users.create(prefix);
        UserHost host = new UserHost(account, base, ReadableClassPath.copy(base.resolve("cp")));
        host.mkdir(base.resolve("drizzle"));
        return host;
    }

    /** A new folder owned by the user. */
    Path newFolder() throws IOException {
        return mkdir(base.resolve("t" + ++folders));
    }

    Path mkdir(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return own(folder);
    }

    Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return own(file);
    }

    private Path own(Path p) throws IOException {
        if (account != null) {
            Files.setAttribute(p, "unix:uid", (int) account.uid());
            Files.setAttribute(p, "unix:gid", (int) account.gid());
        }
        return p;
    }

    /** A launcher for notify command lines: the host in this user's private store. */
    Path launcher() throws IOException {
        Path l = base.resolve("drizzle-launcher");
        if (!Files.exists(l)) {
            Files.writeString(l, "#!/bin/sh\nexport DRIZZLE_HOME='" + base.resolve("drizzle") + "'\nexec '" + java
                    + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '"
                    + classpath + "' org.drizzle.host.Main \"$@\"\n");
            Files.setPosixFilePermissions(l, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return l;
    }

    /** Runs the host with {@code args} as the user; fails if it takes longer than two minutes. */
    HostProcess.Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (account != null) {
            cmd.addAll(List.of("/usr/bin/setpriv", "--reuid=" + account.uid(), "--regid=" + account.gid(),
                    "--init-groups", "--"));
        }
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        int n = ++runs;
        Path out = base.resolve("run" + n + ".out");
        Path err = base.resolve("run" + n + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(base.toFile());
        pb.environment().put("HOME", account != null ? account.home() : System.getProperty("user.home"));
        pb.environment().remove("XDG_RUNTIME_DIR");
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("drizzle " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new HostProcess.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The user's per-user services: service JVMs started from this host's class path or store. */
    List<ProcessHandle> services() {
        String store = base.toString();
        return ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine().map(c -> c.contains("ServiceMain") && c.contains(store)).orElse(false))
                .toList();
    }

    @Override
    public void close() throws Exception {
        for (ProcessHandle s : services()) {
            s.destroy();
            s.onExit().get(10, TimeUnit.SECONDS);
        }
        // The folder holds a copy of the class path (~50 MB): a run must not leave it in /tmp.
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
