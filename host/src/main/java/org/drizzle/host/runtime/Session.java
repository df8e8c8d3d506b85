package org.drizzle.host.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.HostUi;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.engine.api.EngineClient;

/**
 * What lives as long as the host process: the command registry (cmdlets, aliases and script
 * functions), the global scope, $Error, the current location, the console and the engine
 * (opened on first use).
 */
public final class Session {
    private final CommandRegistry registry;
    private final Scope global = new Scope(null);
    private final Map<String, FunctionDefinition> functions = new HashMap<>();
    private final List<ErrorRecord> errors = new ArrayList<>();
    private final HostUi ui;
    private final Supplier<EngineClient> engineSupplier;
    private final Map<String, String> environment = new HashMap<>();
    private EngineClient engine;
    /** The engine being opened ahead of its first use ({@link #openEngineAhead}), or null. */
    private CompletableFuture<EngineClient> opening;
    private Path location = Path.of("").toAbsolutePath();
    private boolean processConsole = true;

    public Session(CommandRegistry registry, HostUi ui, Supplier<EngineClient> engine) {
        this(registry, ui, engine, null);
    }

    /** A session whose engine is already opening ({@code opening}, from {@link #openOnThread}), or null. */
    public Session(CommandRegistry registry, HostUi ui, Supplier<EngineClient> engine, CompletableFuture<EngineClient> opening) {
        this.registry = registry;
        this.ui = ui;
        this.engineSupplier = engine;
        this.opening = opening;
        global.set("ErrorActionPreference", "Continue");
        global.set("VerbosePreference", "SilentlyContinue");
        global.set("WarningPreference", "Continue");
        global.set("ProgressPreference", "Continue");
        global.set("DebugPreference", "SilentlyContinue");
        global.set("InformationPreference", "SilentlyContinue");
        global.set("WhatIfPreference", false);
        global.set("LASTEXITCODE", 0);
        global.set("ConfirmPreference", "High");
        global.set("HOME", System.getProperty("user.home"));
        global.set("PID", ProcessHandle.current().pid());
        global.set("IsLinux", !System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"));
        global.set("IsWindows", System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"));
        global.set("IsMacOS", false);
        global.set("OFS", " ");
        Hashtable version = new Hashtable();
        version.put("PSVersion", org.drizzle.cmdlets.dotnet.DotNetVersion.parse("7.4.0"));
        version.put("PSEdition", "Core");
        version.put("Platform", "Unix");
        version.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        global.set("PSVersionTable", version);
        global.set("ExecutionContext", new org.drizzle.cmdlets.api.EngineIntrinsics(() -> location));
    }

    public CommandRegistry registry() {
        return registry;
    }

    Scope global() {
        return global;
    }

    public HostUi ui() {
        return ui;
    }

    /** Errors, warnings and verbose text: stderr (coloured) on our terminal, else the UI's write. */
    void diagnostic(String text, String colour) {
        if (ui instanceof org.drizzle.host.console.TerminalUi t) {
            t.diagnostic(text, colour);
        } else {
            ui.write(text, colour, true);
        }
    }

    /**
     * Starts opening the engine on another thread, so that a script's compilation and the
     * engine's start-up (store, policy, transports) overlap on a cold JVM. A failure surfaces at
     * the first {@link #engine()} call, as it would without this.
     */
    public synchronized void openEngineAhead() {
        if (engine == null && opening == null) {
            opening = openOnThread(engineSupplier);
        }
    }

    /** Runs {@code engine} on a thread of its own; its failure surfaces where the result is taken. */
    public static CompletableFuture<EngineClient> openOnThread(Supplier<EngineClient> engine) {
        return CompletableFuture.supplyAsync(engine, task -> {
            Thread t = new Thread(task, "drizzle-engine-open");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The engine, opened the first time a command needs it (or taken from {@link #openEngineAhead}). */
    public EngineClient engine() {
        CompletableFuture<EngineClient> pending;
        synchronized (this) {
            if (engine != null) {
                return engine;
            }
            if (opening == null) {
                engine = engineSupplier.get();
                return engine;
            }
            pending = opening;
        }
        try {
            EngineClient opened = pending.join();
            synchronized (this) {
                engine = opened;
                opening = null;
            }
            return opened;
        } catch (CompletionException e) {
            synchronized (this) {
                opening = null;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Closes the engine if one was opened (waiting for one being opened ahead). */
    public void close() {
        CompletableFuture<EngineClient> pending;
        synchronized (this) {
            pending = opening;
            opening = null;
        }
        if (pending != null) {
            try {
                pending.join().close();
            } catch (CompletionException e) {
                // Never used: its failure was nobody's to report.
            }
        }
        synchronized (this) {
            if (engine != null) {
                engine.close();
                engine = null;
            }
        }
    }

    /**
     * Says that this process's stdin, stdout and stderr are not the caller's terminal (the quick
     * path runs sessions inside the service): native programs' output is then copied through the
     * session's console instead of being inherited.
     */
    public void detachFromProcessConsole() {
        processConsole = false;
    }

    boolean processConsole() {
        return processConsole;
    }

    public Path location() {
        return location;
    }

    public void setLocation(Path p) {
        location = p.toAbsolutePath().normalize();
    }

    /** $Error: most recent first, at most 256 as PowerShell keeps. */
    List<ErrorRecord> errors() {
        return errors;
    }

    void recordError(ErrorRecord r) {
        errors.add(0, r);
        if (errors.size() > 256) {
            errors.remove(errors.size() - 1);
        }
    }

    FunctionDefinition function(String name) {
        return functions.get(name.toLowerCase(Locale.ROOT));
    }

    void defineFunction(FunctionDefinition f) {
        functions.put(f.name().toLowerCase(Locale.ROOT), f);
        registry.register(f.metadata());
    }

    /** $env:NAME: values the script set win over the process environment. */
    String env(String name) {
        if (environment.containsKey(name.toUpperCase(Locale.ROOT))) {
            return environment.get(name.toUpperCase(Locale.ROOT));
        }
        String v = System.getenv(name);
        if (v == null) {
            for (Map.Entry<String, String> e : System.getenv().entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return v;
    }

    /** {@code $env:name = value} (null removes it): seen by this session and the native programs it starts. */
    public void setEnv(String name, String value) {
        environment.put(name.toUpperCase(Locale.ROOT), value);
    }

    /** The environment for native commands: the process's plus what the script set. */
    Map<String, String> environmentOverrides() {
        return environment;
    }

    /** Variable names for tab completion. */
    public List<String> variableNames() {
        return new ArrayList<>(global.names());
    }
}
