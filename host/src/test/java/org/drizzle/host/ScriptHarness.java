package org.drizzle.host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.engine.EngineMode;
import org.drizzle.host.runtime.ConsoleOutput;

/** Runs PowerShell text through a real host session and captures stdout, stderr and the exit code. */
public final class ScriptHarness {
    /** What one run produced. */
    public record Result(String out, String err, int exitCode) {
        public List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.replace("\r", "").split("\n"));
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HostSession host;

    public ScriptHarness(ConsoleOutput.Format format) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        host = new HostSession(new TerminalUi(o, e, false), o, e, format, EngineMode.EMBEDDED);
    }

    public ScriptHarness() {
        this(ConsoleOutput.Format.TEXT);
    }

    public HostSession host() {
        return host;
    }

    /** Runs {@code source} as a -Command would (global scope); state carries over to the next run. */
    public Result run(String source) {
        return run(source, "<command>", false, List.of());
    }

    public Result run(String source, String file, boolean newScope, List<Object> args) {
        out.reset();
        err.reset();
        int code = host.run(source, file, newScope, args);
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }

    /** One-shot convenience. */
    public static Result exec(String source) {
        return new ScriptHarness().run(source);
    }
}
