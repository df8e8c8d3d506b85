package org.drizzle.host.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.runtime.ConsoleOutput;
import org.drizzle.host.runtime.ScriptRunner;
import org.drizzle.host.runtime.Session;

/**
 * A host session on an embedded engine whose sockets and store live in a test's folder: the
 * cmdlets, the script runner and Out-Default formatting as {@code -Engine Embedded} has them,
 * with stdout and stderr captured.
 */
final class EmbeddedHost implements AutoCloseable {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Session session;
    private final ScriptRunner runner;

    EmbeddedHost(Path dir) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        TerminalUi ui = new TerminalUi(o, e, false);
        EngineLocations where = new EngineLocations(dir.resolve("machine.sock"), dir.resolve("user.sock"),
                dir.resolve("store"));
        session = new Session(CommandRegistry.builtIn(), ui, () -> {
            try {
                return EmbeddedEngine.open(where, false);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
        runner = new ScriptRunner(session, new ConsoleOutput(o, ConsoleOutput.Format.TEXT, ui));
    }

    Session session() {
        return session;
    }

    /** Everything written to stderr so far. */
    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Runs a script as -Command does and returns its formatted output lines. */
    List<String> run(String script) {
        out.reset();
        runner.run(script, "<test>", false, List.of());
        runner.flush();
        String text = out.toString(StandardCharsets.UTF_8).replace("\r", "");
        return text.isBlank() ? List.of() : List.of(text.strip().split("\n"));
    }

    @Override
    public void close() {
        session.close();
    }
}
