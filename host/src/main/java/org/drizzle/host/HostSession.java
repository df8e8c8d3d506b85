package org.drizzle.host;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.engine.EngineMode;
import org.drizzle.host.lex.ParseException;
import org.drizzle.host.runtime.ConsoleOutput;
import org.drizzle.host.runtime.ExitException;
import org.drizzle.host.runtime.FlowException;
import org.drizzle.host.runtime.ScriptRunner;
import org.drizzle.host.runtime.Session;

/**
 * One host session: the registry, console, script runner and (lazily) the engine, plus the rule
 * for turning a run into a process exit code: {@code exit N} wins; otherwise 1 when a parse
 * error or an uncaught error ended the run or any error was reported, else 0.
 */
public final class HostSession implements AutoCloseable {
    private final Session session;
    private final ScriptRunner runner;
    private final TerminalUi ui;
    private final PrintStream err;
    private boolean exitRequested;

    public HostSession(TerminalUi ui, PrintStream out, PrintStream err, ConsoleOutput.Format format, EngineMode engine) {
        this(ui, out, err, format, engine, false);
    }

    /** A session on the engine {@code engine} selects; {@code engineFirst} as below. */
    public HostSession(TerminalUi ui, PrintStream out, PrintStream err, ConsoleOutput.Format format, EngineMode engine,
                       boolean engineFirst) {
        this(ui, out, err, format, () -> EngineProvider.open(engine), engineFirst);
    }

    /** A session on an engine the caller supplies (the quick path: the service's own engine). */
    public HostSession(TerminalUi ui, PrintStream out, PrintStream err, ConsoleOutput.Format format,
                       Supplier<EngineClient> engine) {
        this(ui, out, err, format, engine, false);
    }

    /**
     * As above; with {@code engineFirst} the engine starts opening on another thread before the
     * session is built (the cmdlet registry, the runner), for a command line that surely needs it.
     */
    public HostSession(TerminalUi ui, PrintStream out, PrintStream err, ConsoleOutput.Format format,
                       Supplier<EngineClient> engine, boolean engineFirst) {
        this.ui = ui;
        this.err = err;
        CompletableFuture<EngineClient> early = engineFirst ? Session.openOnThread(engine) : null;
        this.session = new Session(CommandRegistry.builtIn(), ui, engine, early);
        this.runner = new ScriptRunner(session, new ConsoleOutput(out, format, ui));
    }

    public Session session() {
        return session;
    }

    /** Parses, compiles and runs this session's scripts. */
    public ScriptRunner runner() {
        return runner;
    }

    public TerminalUi ui() {
        return ui;
    }

    /**
     * Runs source text and returns the exit code it implies.
     *
     * @param newScope true for script files (their own scope, $PSScriptRoot), false for -Command and the REPL
     */
    public int run(String source, String file, boolean newScope, List<Object> args) {
        runner.beginRun();
        try {
            runner.run(source, file, newScope, args);
            runner.flush();
            // as pwsh -File: a script that ran to its end exits 0 whatever its last statement did;
            // a command line exits 1 when its last statement failed, as pwsh -Command
            return !newScope && runner.lastStatementFailed() ? 1 : 0;
        } catch (ExitException e) {
            runner.flush();
            exitRequested = true;
            return e.code();
        } catch (ParseException e) {
            err.println(e.getMessage());
            return 1;
        } catch (FlowException e) {
            runner.flush();
            return 0;
        } catch (RuntimeException e) {
            runner.flush();
            runner.reportUncaught(e);
            return 1;
        }
    }

    /** True once a script ran {@code exit}: the REPL ends. */
    public boolean exitRequested() {
        return exitRequested;
    }

    @Override
    public void close() {
        session.close();
    }
}
