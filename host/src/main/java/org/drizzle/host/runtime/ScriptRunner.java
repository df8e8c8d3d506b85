package org.drizzle.host.runtime;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.host.ast.ParameterAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.drizzle.host.compile.JsCompiler;
import org.drizzle.host.compile.Lowering;
import org.drizzle.host.lex.SourcePosition;
import org.drizzle.host.parse.Parser;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * Drives PowerShell text through its phases — {@link #parse parse}, {@link #lower lower},
 * {@link #compile compile} (to JavaScript, loaded into Nashorn) and run — and holds what a run
 * changes: the current scope, where output goes, the statement position, $? and Ctrl+C.
 * The host (HostSession, the REPL, the quick path, .js scripts) talks to this class; generated
 * code talks to its {@link ScriptRuntime} bridge, which calls back here.
 */
public final class ScriptRunner {
    /** A BITS cmdlet's name (Start-BitsTransfer, Add-BitsFile, ...): the command line will want the engine. */
    private static final Pattern NEEDS_ENGINE = Pattern.compile("-Bits[A-Za-z]", Pattern.CASE_INSENSITIVE);
    private final Session session;
    private final Errors errors;
    private final ScriptRuntime bridge;
    private final Variables variables;
    private final Consumer<Object> console;
    /** Where statements write: the console at the top, a capture or a pipeline's next stage inside. */
    private final Deque<Consumer<Object>> sinks = new ArrayDeque<>();
    /** Stages of pipelines now executing, so Ctrl+C reaches a command blocked in a wait. */
    private final List<Stage> running = new CopyOnWriteArrayList<>();
    /** Redirections of the function and script-block calls now running, innermost first ({@code MyFunc 2>&1}). */
    private final Deque<StreamRedirects.Active> redirects = new ArrayDeque<>();
    private Scope scope;
    private CompiledUnit unit;
    /** The script file whose literal commands run directly (no unit): where their errors are. */
    private String directFile;
    private int line;
    private int column;
    private int tryDepth;
    private volatile boolean stopping;

    public ScriptRunner(Session session, Consumer<Object> console) {
        this.session = session;
        this.console = console;
        // Invoke-Expression needs the runner, so the host provides it (once per shared registry)
        if (session.registry().find("Invoke-Expression").isEmpty()) {
            session.registry().register(InvokeExpressionCommand.class);
        }
        this.scope = session.global();
        this.errors = new Errors(this);
        this.bridge = new ScriptRuntime(this);
        this.variables = new Variables(this);
        sinks.push(console);
    }

    public Session session() {
        return session;
    }

    Errors errors() {
        return errors;
    }

    // ---- the phases ----

    /** Phase 1: source text to a syntax tree; a {@link org.drizzle.host.lex.ParseException} names the bad spot. */
    public static ScriptBlockAst parse(String source, String file) {
        return Parser.parse(source, file);
    }

    /** Phase 2: the tree rewritten into the smaller language the emitter knows ({@link Lowering}). */
    static ScriptBlockAst lower(ScriptBlockAst parsed) {
        return Lowering.lower(parsed);
    }

    /** Phase 3: the lowered tree as JavaScript, evaluated by Nashorn and bound to this runner's bridge. */
    CompiledUnit compile(ScriptBlockAst lowered, String file) {
        return new CompiledUnit(JsCompiler.compile(lowered, file), bridge);
    }

    /** Phases 1 to 3 at once: a script file, Invoke-Expression text, a built-in function's source. */
    CompiledUnit compile(String source, String file) {
        return compile(lower(parse(source, file)), file);
    }

    /**
     * Phase 4, for the host: runs source text in the current scope (REPL, -Command) or as a
     * script file in a new script scope whose param() binds {@code args}. Command lines and
     * scripts (given no arguments) of literal commands only run their stages directly
     * ({@link ConstantPipelines}: no Nashorn; such a script reads no variable, so its scope is moot).
     */
    public void run(String source, String file, boolean newScope, List<Object> args) {
        ScriptBlockAst parsed = parse(source, file);
        List<List<Object>> direct = newScope && !args.isEmpty() ? null : ConstantPipelines.stages(parsed);
        if (direct != null) {
            // Only cmdlets run here, so no other program (bitsadmin, a second drizzle) can need
            // the store while this host opens its engine early; a script's engine opens at first use.
            if (NEEDS_ENGINE.matcher(source).find() && ConstantPipelines.onlyCmdlets(direct, session.registry())) {
                session.openEngineAhead();
            }
            directFile = newScope ? file : null;
            try {
                for (List<Object> stages : direct) {
                    int m = markStatement();
                    try {
                        new Pipeline(this, ConstantPipelines.resolve(stages, this::runNested)).run(top());
                        statementDone(m);
                    } catch (RuntimeException e) {
                        statementFailed(e);
                    }
                    flush();
                }
            } finally {
                directFile = null;
            }
            return;
        }
        NashornEngine.warmUp();
        CompiledUnit u = compile(lower(parsed), file);
        if (newScope || !u.ast(0).parameters().isEmpty()) {
            FunctionDefinition script = FunctionDefinition.of(file, u, 0);
            List<Argument> arguments = new ArrayList<>();
            for (Object a : args) {
                arguments.add(a instanceof Argument arg ? arg : Argument.positional(a));
            }
            Path path = Path.of(file).toAbsolutePath();
            Map<String, Object> vars = newScope ? Map.of("PSScriptRoot", String.valueOf(path.getParent()),
                    "PSCommandPath", path.toString()) : Map.of();
            FunctionStage stage = new FunctionStage(this, script, arguments, false, vars);
            stage.begin(top());
            stage.process(null);
            stage.end();
        } else {
            runPart(u, 0, "p", scope, top());
            runPart(u, 0, "e", scope, top());
        }
    }

    /** A parenthesized pipeline of literal commands, run for its output ({@link ConstantPipelines}). */
    private List<Object> runNested(List<Object> stages) {
        List<Object> out = new ArrayList<>();
        sinks.push(out::add);
        try {
            new Pipeline(this, ConstantPipelines.resolve(stages, this::runNested)).run(out::add);
        } finally {
            sinks.pop();
        }
        return out;
    }

    /** Runs PowerShell text in the current scope and returns its output (Invoke-Expression, the .js ps() helper). */
    public List<Object> capture(String source) {
        List<Object> out = new ArrayList<>();
        runPart(compile(source, "<js>"), 0, "e", scope, out::add);
        return out;
    }

    /** Runs one command with named arguments (and optional input objects); returns its output. */
    public List<Object> invokeCommand(String name, List<Argument> args, Object input, boolean hasInput) {
        List<Object> out = new ArrayList<>();
        List<Object> specs = new ArrayList<>();
        if (hasInput) {
            specs.add(new Pipeline.InputSpec(input));
        }
        specs.add(new Pipeline.CommandSpec(name, false, 0, 0, args));
        sinks.push(out::add);
        try {
            new Pipeline(this, specs).run(out::add);
        } finally {
            sinks.pop();
        }
        return out;
    }

    /** Starts a new run: $? true, no failures counted, no Ctrl+C pending. */
    public void beginRun() {
        errors.resetFailures();
        stopping = false;
    }

    /** True when the last statement failed ($? is false): the process exit code is then 1. */
    public boolean lastStatementFailed() {
        return !errors.lastSucceeded();
    }

    /** Reports an error that ended the run (red on stderr, in $Error). */
    public void reportUncaught(RuntimeException e) {
        errors.reportUncaught(e);
    }

    /** After a top-level statement: objects waiting for the console are written. */
    public void flush() {
        if (sinks.peek() == console && console instanceof ConsoleOutput c) {
            c.flush();
        }
    }

    // ---- Ctrl+C ----

    public boolean isStopping() {
        return stopping;
    }

    /** Ctrl+C (from the signal thread): commands see isStopping() and running stages get stop(). */
    public void stop() {
        stopping = true;
        for (Stage s : running) {
            s.stop();
        }
    }

    void started(List<Stage> stages) {
        running.addAll(stages);
    }

    void finished(List<Stage> stages) {
        running.removeAll(stages);
    }

    // ---- redirections of function calls ----

    void pushRedirects(StreamRedirects.Active a) {
        redirects.push(a);
    }

    void popRedirects() {
        redirects.pop();
    }

    /** The innermost running call that redirected {@code stream}, or null. */
    StreamRedirects.Active outerRedirect(int stream) {
        for (StreamRedirects.Active a : redirects) {
            if (a.redirects().of(stream) != null) {
                return a;
            }
        }
        return null;
    }

    // ---- running compiled blocks ----

    /** True when {@code sink} is the console itself (a native program may then write to the terminal directly). */
    boolean isConsole(Consumer<Object> sink) {
        return sink == console;
    }

    Consumer<Object> top() {
        return sinks.peek();
    }

    Scope scope() {
        return scope;
    }

    /** Runs one part (p, b, r, e) of a block in {@code s} with output to {@code sink}. */
    void runPart(CompiledUnit u, int block, String part, Scope s, Consumer<Object> sink) {
        JSObject f = u.part(block, part);
        if (f == null) {
            return;
        }
        Scope savedScope = scope;
        CompiledUnit savedUnit = unit;
        int savedLine = line;
        int savedColumn = column;
        scope = s;
        unit = u;
        sinks.push(sink);
        try {
            f.call(null);
        } finally {
            sinks.pop();
            scope = savedScope;
            unit = savedUnit;
            line = savedLine;
            column = savedColumn;
        }
    }

    /** Invokes a script block (ForEach-Object, Where-Object, &amp; $sb) and returns its output. */
    List<Object> invokeBlock(CompiledUnit u, int block, Object input, List<Object> args) {
        List<Object> out = new ArrayList<>();
        Scope s = new Scope(scope);
        s.set("_", input);
        s.set("PSItem", input);
        s.set("args", new ArrayList<>(args));
        List<ParameterAst> params = u.ast(block).parameters();
        for (int i = 0; i < params.size(); i++) {
            s.set(params.get(i).name(), i < args.size() ? args.get(i) : null);
            if (i < args.size()) {
                s.set("__bound_" + params.get(i).name(), true);
            }
        }
        Consumer<Object> sink = out::add;
        runPart(u, block, "p", s, sink);
        runPart(u, block, "b", s, sink);
        runPart(u, block, "r", s, sink);
        runPart(u, block, "e", s, sink);
        return out;
    }

    /**
     * Runs a script block dot-sourced, in the current scope, as ForEach-Object and Where-Object do:
     * its assignments change the caller's variables. $_ is the input while it runs, then what it was.
     */
    List<Object> invokeBlockInCallerScope(CompiledUnit u, int block, Object input) {
        List<Object> out = new ArrayList<>();
        Scope s = scope;
        boolean had = s.isLocal("_");
        Object saved = s.get("_");
        s.set("_", input);
        s.set("PSItem", input);
        Consumer<Object> sink = out::add;
        try {
            runPart(u, block, "b", s, sink);
            runPart(u, block, "r", s, sink);
            runPart(u, block, "e", s, sink);
        } finally {
            if (had) {
                s.set("_", saved);
                s.set("PSItem", saved);
            } else {
                s.remove("_");
                s.remove("PSItem");
            }
        }
        return out;
    }

    /** Block {@code index} of the running unit as a value ({@code { ... }}). */
    ScriptBlockImpl scriptBlock(int index) {
        return new ScriptBlockImpl(this, unit, index);
    }

    /** {@code function Name {...}}: block {@code index} of the running unit becomes a session function. */
    void defineFunction(String name, int index) {
        session.defineFunction(FunctionDefinition.of(name, unit, index));
    }

    /** Runs {@code f} with its output collected: one item is the value itself, none is $null; {@code array} forces a list. */
    Object collect(JSObject f, boolean array) {
        List<Object> out = new ArrayList<>();
        sinks.push(out::add);
        try {
            f.call(null);
        } finally {
            sinks.pop();
        }
        if (array) {
            return out;
        }
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    /** Runs a pipeline of command and input specs with output to the current sink. */
    void runPipeline(List<Object> specs) {
        new Pipeline(this, specs).run(sinks.peek());
    }

    // ---- statements ----

    /** Where the running statement is, for errors and $MyInvocation. */
    SourcePosition position() {
        return new SourcePosition(unit != null ? unit.file() : directFile != null ? directFile : "<command>", line, column);
    }

    void setPosition(int l, int c) {
        line = l;
        column = c;
    }

    /** Writes a statement's value: collections are enumerated, $null writes nothing. */
    void write(Object v) {
        if (v == null) {
            return;
        }
        Consumer<Object> sink = sinks.peek();
        if (LanguagePrimitives.isEnumerable(v)) {
            for (Object o : LanguagePrimitives.toList(v)) {
                sink.accept(o);
            }
        } else {
            sink.accept(v);
        }
    }

    /** Start of a simple statement: remembers the error count for {@link #statementDone(int)}. */
    int markStatement() {
        return errors.failureCount();
    }

    /** End of a simple statement that did not throw: sets $? from whether it wrote errors. */
    void statementDone(int mark) {
        errors.statementDone(mark);
    }

    /** A statement failed with {@code e}: report it and go on, unless it must unwind (see {@link Errors}). */
    void statementFailed(Object e) {
        errors.statementFailed(e);
    }

    int tryDepth() {
        return tryDepth;
    }

    void enterTry() {
        tryDepth++;
    }

    void leaveTry() {
        tryDepth--;
    }

    // ---- variables (the rules are in Variables) ----

    /** A variable's value without strict-mode checks (the runtime's own reads, saved $_). */
    Object peek(String name) {
        return scope.get(name);
    }

    /** {@code $name} as a script reads it. */
    Object variable(String name) {
        return variables.get(name);
    }

    /** {@code $name = value}. */
    void setVariable(String name, Object value) {
        variables.set(name, value);
    }

    /** True when a parameter got a value from the caller (defaults apply otherwise). */
    boolean isBound(String name) {
        return scope.isLocal("__bound_" + name);
    }

    int strictVersion() {
        return variables.strictVersion();
    }

}
