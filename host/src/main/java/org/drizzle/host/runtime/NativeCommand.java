package org.drizzle.host.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.api.EnvironmentChanges;

/**
 * A native program ({@code tar}, {@code sha256sum}, {@code ./tool}): run with the arguments as
 * text; at the end of a pipeline its output goes straight to the terminal, otherwise each line
 * is a pipeline object. Sets $LASTEXITCODE; a non-zero code makes $? false.
 */
final class NativeCommand implements Stage {
    private final ScriptRunner rt;
    private final Path exe;
    private final List<Argument> args;
    private final boolean toConsole;
    private final boolean quietErrors;
    private Consumer<Object> downstream;

    /** @param quietErrors {@code 2>$null}: the program's stderr is discarded */
    NativeCommand(ScriptRunner rt, Path exe, List<Argument> args, boolean toConsole, boolean quietErrors) {
        this.rt = rt;
        this.exe = exe;
        this.args = args;
        this.toConsole = toConsole;
        this.quietErrors = quietErrors;
    }

    /** The executable for a name: a path with a slash, or a search of $env:PATH; null if none. */
    static Path find(ScriptRunner rt, String name) {
        if (name.contains("/")) {
            Path p = rt.session().location().resolve(name).normalize();
            return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
        }
        String path = rt.session().env("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    @Override
    public void begin(Consumer<Object> down) {
        this.downstream = down;
    }

    @Override
    public void process(Object input) {
        // native programs do not read pipeline objects here; the command runs once in end()
    }

    /** The program's stderr, line by line, to the session's error output (not coloured, as a terminal shows it). */
    private Thread copyErrors(Process p) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    rt.session().diagnostic(line, null);
                }
            } catch (IOException e) {
                // the program ended; nothing more to copy
            }
        }, "drizzle-native-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void end() {
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        for (Argument a : args) {
            if (a.name() != null) {
                cmd.add("-" + a.name() + (a.explicit() ? ":" : ""));
            }
            if (a.value() != Argument.NO_VALUE) {
                for (Object o : LanguagePrimitives.toList(a.value())) {
                    cmd.add(LanguagePrimitives.toStr(o));
                }
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(rt.session().location().toFile());
        EnvironmentChanges.applyTo(pb.environment(), rt.session().environmentOverrides());
        // a session not on this process's console (the quick path) copies the output through its own
        boolean inherit = rt.session().processConsole();
        pb.redirectError(quietErrors ? ProcessBuilder.Redirect.DISCARD
                        : inherit ? ProcessBuilder.Redirect.INHERIT : ProcessBuilder.Redirect.PIPE)
                .redirectInput(ProcessBuilder.Redirect.INHERIT);
        if (toConsole && inherit) {
            pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            Process p = pb.start();
            Thread errors = !inherit && !quietErrors ? copyErrors(p) : null;
            if (!toConsole || !inherit) {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        downstream.accept(line);
                    }
                }
            }
            int code = p.waitFor();
            if (errors != null) {
                errors.join(2000); // its last lines before anything the script writes next
            }
            rt.session().global().set("LASTEXITCODE", code);
            if (code != 0) {
                rt.errors().nativeFailed();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Program '" + exe + "' failed to run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.drizzle.cmdlets.api.PipelineStoppedException();
        }
    }
}
