package org.drizzle.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Drizzle host ({@code org.drizzle.host.Main}) in a child JVM the way {@code bin/drizzle}
 * starts it, against one private store ({@code DRIZZLE_HOME}) and working folder, so every test
 * goes through the real process: argument parsing, script binding, output and exit code.
 */
final class HostProcess {
    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        /** Both streams, for assertion messages. */
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** -AllUsers needs an administrator: root (or a configured admin group, not set up here). */
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final Path home;
    private final Path workDir;
    private int runs;
    private final Map<String, String> extraEnv = new LinkedHashMap<>();

    /** Stores used by this JVM's tests, whose detached per-user services are ended at exit. */
    private static final Set<String> HOMES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(HostProcess::stopDetachedServices));
    }

    HostProcess(Path home, Path workDir) {
        this.home = home;
        this.workDir = workDir;
        HOMES.add(home.resolve("drizzle").toString());
    }

    /**
     * -Asynchronous in embedded mode hands jobs to a detached per-user service that outlives the
     * host (by design); a test run must not leave those behind, so end the ones on our stores.
     */
    private static void stopDetachedServices() {
        ProcessHandle.allProcesses()
                .filter(ph -> ph.info().commandLine()
                        .map(cmd -> cmd.contains("ServiceMain") && HOMES.stream().anyMatch(cmd::contains))
                        .orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    /** Sets an environment variable for every later run (the scripts in the wild read their loopback base from one). */
    HostProcess env(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** The sample scripts shipped in this module ({@code samples/scripts}). */
    static Path scripts() {
        return moduleDir().resolve("scripts");
    }

    /** The idiom scripts and their golden output ({@code samples/compat}). */
    static Path compat() {
        return moduleDir().resolve("compat");
    }

    /** The public scripts and their adapted copies ({@code samples/wild}). */
    static Path wild() {
        return moduleDir().resolve("wild");
    }

    private static Path moduleDir() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("scripts")) ? here : here.resolve("samples");
    }

    /** Runs {@code bin/drizzle args...}; fails if the process takes longer than two minutes. */
    Run drizzle(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-cp", System.getProperty("java.class.path"), "org.drizzle.host.Main"));
        cmd.addAll(List.of(args));
        int n = ++runs;
        Path out = home.resolve("run" + n + ".out");
        Path err = home.resolve("run" + n + ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("DRIZZLE_HOME", home.resolve("drizzle").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().putAll(extraEnv);
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("drizzle " + String.join(" ", args) + " did not finish in 120 s:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs one command line ({@code -Command text}). */
    Run command(String text) throws IOException, InterruptedException {
        return drizzle("-NoProfile", "-Command", text);
    }
}
