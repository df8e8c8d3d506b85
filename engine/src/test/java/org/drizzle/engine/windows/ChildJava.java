package org.drizzle.engine.windows;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts another JVM of this runtime with this test's class path: the java.exe command line
 * (for CreateProcess and the SCM) and a run-and-wait helper. The class path comes from the
 * class loader that loaded the tests (the JUnit console launcher's) and java.class.path (surefire's).
 */
final class ChildJava {
    private ChildJava() {
    }

    static Path javaExe() {
        return Path.of(System.getProperty("java.home"), "bin", "java.exe");
    }

    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader loader = ChildJava.class.getClassLoader();
        for (; loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL u : urls.getURLs()) {
                    try {
                        entries.add(Path.of(u.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a file: entry; the child cannot use it anyway
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** java.exe -cp CP main args..., as a list. */
    static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaExe().toString(), "-Xshare:off", "-cp", classPath(), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs the child to its end (at most 60 s); its output goes through files, which work under Wine as on Windows. */
    static Result run(Map<String, String> env, Class<?> main, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("drizzle-child", ".out");
        Path err = Files.createTempFile("drizzle-child", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(main, args)).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(main.getSimpleName() + " did not end within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            // Wine may release the child's handles a moment after it exits: delete at exit then.
            out.toFile().deleteOnExit();
            err.toFile().deleteOnExit();
        }
    }
}
