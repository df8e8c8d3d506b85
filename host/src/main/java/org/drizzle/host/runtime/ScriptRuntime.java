package org.drizzle.host.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.ActionPreference;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.Arithmetic;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.dotnet.DotNetTypes;
import org.drizzle.cmdlets.dotnet.TypeAdapter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.host.compile.CompiledScript;
import org.drizzle.host.compile.JsCompiler;
import org.drizzle.host.lex.SourcePosition;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The one bridge object generated JavaScript calls ({@code rt}): variables and scopes, output,
 * pipelines, operators with PowerShell semantics, member access, casts, and error handling.
 * Methods here are short and delegate to {@code org.drizzle.cmdlets.lang} and to the
 * pipeline classes; JS never compares or adds values itself.
 */
public final class ScriptRuntime {
    /** Marks a switch parameter written without a value ({@code -Recurse}). */
    public final Object NO_VALUE = Argument.NO_VALUE;

    private final Session session;
    private final Errors errors;
    private Scope scope;
    private final Deque<Consumer<Object>> sinks = new ArrayDeque<>();
    private CompiledUnit unit;
    private int line;
    private int column;
    private int tryDepth;
    private volatile boolean stopping;

    private final Consumer<Object> console;

    public ScriptRuntime(Session session, Consumer<Object> console) {
        this.session = session;
        this.console = console;
        // Invoke-Expression needs the runtime, so the host provides it (once per shared registry)
        if (session.registry().find("Invoke-Expression").isEmpty()) {
            session.registry().register(InvokeExpressionCommand.class);
        }
        this.scope = session.global();
        this.errors = new Errors(this);
        sinks.push(console);
    }

    public Session session() {
        return session;
    }

    Errors errors() {
        return errors;
    }

    /** Starts a new run: $? true, no failures counted. */
    public void errorsReset() {
        errors.resetFailures();
        clearStop();
    }

    /** True when the last statement failed ($? is false): the process exit code is then 1. */
    public boolean failedSinceReset() {
        return !errors.lastSucceeded();
    }

    /** Reports an error that ended the run (red on stderr, in $Error). */
    public void reportUncaught(RuntimeException e) {
        errors.reportUncaught(e);
    }

    // ---- running compiled code (Java side) ----

    /** Compiles and runs a script in the current scope (REPL, -Command) or in a new script scope. */
    public void runScript(String source, String file, boolean newScope, List<Object> args) {
        org.drizzle.host.ast.ScriptBlockAst ast = org.drizzle.host.parse.Parser.parse(source, file);
        List<List<Object>> direct = newScope ? null : ConstantPipelines.lower(ast);
        if (direct != null) {
            for (List<Object> stages : direct) {
                int m = mark();
                try {
                    new Pipeline(this, stages).run(top());
                    done(m);
                } catch (RuntimeException e) {
                    failed(e);
                }
                flush();
            }
            return;
        }
        CompiledScript compiled = JsCompiler.compile(ast, file);
        CompiledUnit u = new CompiledUnit(compiled, this);
        if (newScope || !u.ast(0).parameters().isEmpty()) {
            FunctionDefinition script = FunctionDefinition.of(file, u, 0);
            List<Argument> arguments = new ArrayList<>();
            for (Object a : args) {
                arguments.add(a instanceof Argument arg ? arg : Argument.positional(a));
            }
            java.nio.file.Path path = java.nio.file.Path.of(file).toAbsolutePath();
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

    /** Runs PowerShell text in the current scope and returns its output (the .js ps() helper). */
    public List<Object> capture(String source) {
        List<Object> out = new ArrayList<>();
        CompiledUnit u = new CompiledUnit(JsCompiler.compile(source, "<js>"), this);
        runPart(u, 0, "e", scope, out::add);
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

    /** True when {@code sink} is the console itself (a native program may then write to the terminal directly). */
    boolean isConsole(Consumer<Object> sink) {
        return sink == console;
    }

    Consumer<Object> top() {
        return sinks.peek();
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

    Scope scope() {
        return scope;
    }

    /** Invokes a script block (ForEach-Object, Where-Object, &amp; $sb) and returns its output. */
    List<Object> invokeBlock(CompiledUnit u, int block, Object input, List<Object> args) {
        List<Object> out = new ArrayList<>();
        Scope s = new Scope(scope);
        s.set("_", input);
        s.set("PSItem", input);
        s.set("args", new ArrayList<>(args));
        List<org.drizzle.host.ast.ParameterAst> params = u.ast(block).parameters();
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

    public SourcePosition position() {
        return new SourcePosition(unit == null ? "<command>" : unit.file(), line, column);
    }

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

    /** Stages of pipelines now executing, so Ctrl+C reaches a command blocked in a wait. */
    private final java.util.List<Stage> running = new java.util.concurrent.CopyOnWriteArrayList<>();

    void started(List<Stage> stages) {
        running.addAll(stages);
    }

    void finished(List<Stage> stages) {
        running.removeAll(stages);
    }

    public void clearStop() {
        stopping = false;
    }

    int tryDepth() {
        return tryDepth;
    }

    // ---- statements ----

    /** After a top-level statement: objects waiting for the console are written. */
    public void flush() {
        if (sinks.peek() == console && console instanceof ConsoleOutput c) {
            c.flush();
        }
    }

    /** Start of a simple statement: remembers the error count for {@link #done(int)}. */
    public int mark() {
        return errors.failureCount();
    }

    /** End of a simple statement that did not throw: sets $? from whether it wrote errors. */
    public void done(int mark) {
        errors.statementDone(mark);
    }

    public void at(int l, int c) {
        line = l;
        column = c;
    }

    /** Writes a statement's value: collections are enumerated, $null writes nothing. */
    public void out(Object v) {
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

    /** Runs {@code f} with its output collected: one item is the value itself, none is $null; {@code array} forces a list. */
    public Object capture(Object f, boolean array) {
        List<Object> out = new ArrayList<>();
        sinks.push(out::add);
        try {
            ((JSObject) f).call(null);
        } finally {
            sinks.pop();
        }
        if (array) {
            return out;
        }
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    /** Calls a JS function for its effect (a for loop's iterator part). */
    public void call0(Object f) {
        List<Object> ignored = new ArrayList<>();
        sinks.push(ignored::add);
        try {
            ((JSObject) f).call(null);
        } finally {
            sinks.pop();
        }
    }

    public void enterTry() {
        tryDepth++;
    }

    public void leaveTry() {
        tryDepth--;
    }

    /** A statement failed with {@code e}: report it and go on, unless it must unwind (see {@link Errors}). */
    public void failed(Object e) {
        errors.statementFailed(e);
    }

    public Object caught(Object e) {
        return errors.toRecord(e, true);
    }

    public boolean catches(Object record, String... types) {
        return errors.catches((ErrorRecord) record, types);
    }

    public void rethrow(Object e) {
        throw Errors.sneaky(errors.asThrowable(e));
    }

    public void throwValue(Object v) {
        throw errors.thrown(v);
    }

    public void exit(Object code) {
        throw new ExitException(code == null ? 0 : LanguagePrimitives.toInt(code));
    }

    public void flow(String keyword, String label) {
        throw new FlowException(keyword, label);
    }

    public void defineFunction(String name, int block) {
        session.defineFunction(FunctionDefinition.of(name, unit, block));
    }

    // ---- variables ----

    /** A variable's value without strict-mode checks (the runtime's own reads, saved $_). */
    public Object peek(String name) {
        return scope.get(name);
    }

    public Object v(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "?":
                return errors.lastSucceeded();
            case "error":
                return new ArrayList<>(session.errors());
            case "psitem":
                return scope.get("_");
            case "pwd":
                return new org.drizzle.cmdlets.management.GetLocationCommand.PathInfo(session.location().toString());
            case "host":
                return HostObject.INSTANCE;
            default:
                break;
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String prefix = n.substring(0, colon);
            String rest = name.substring(colon + 1);
            switch (prefix) {
                case "env":
                    return session.env(rest.replaceFirst("^[\\\\/]+", "")); // ${Env:\TEMP} is a provider path
                case "global":
                    return session.global().get(rest);
                case "script":
                    return scriptScope().get(rest);
                case "local", "private", "variable":
                    return scope.get(rest);
                case "using":
                    throw new IllegalArgumentException("$using: works only with remote and background jobs, which Drizzle does not run.");
                default:
                    break;
            }
        }
        Object value = scope.get(name);
        if (value == null && strictVersion() >= 1 && !scope.isDefined(name)) {
            throw new IllegalArgumentException("The variable '$" + name + "' cannot be retrieved because it has not been set.");
        }
        return value;
    }

    public void sv(String name, Object value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("psitem")) {
            n = "_";
        }
        int colon = n.indexOf(':');
        if (colon > 0) {
            String prefix = n.substring(0, colon);
            String rest = name.substring(colon + 1);
            switch (prefix) {
                case "env" -> session.setEnv(rest, value == null ? null : LanguagePrimitives.toStr(value));
                case "global" -> session.global().set(rest, value);
                case "script" -> scriptScope().set(rest, value);
                default -> scope.set(rest, value);
            }
            return;
        }
        scope.set(n.equals("_") ? "_" : name, value);
    }

    /** The innermost enclosing script's top-level scope; global for commands typed at the prompt or -Command. */
    private Scope scriptScope() {
        Scope s = scope;
        while (s.parent() != null && !s.isScript()) {
            s = s.parent();
        }
        return s;
    }

    /** True when a parameter got a value from the caller (defaults apply otherwise). */
    public boolean bound(String name) {
        return scope.isLocal("__bound_" + name);
    }

    public Object incr(String name, int delta, boolean postfix) {
        Object old = v(name);
        Object now = Arithmetic.add(old == null ? 0 : old, delta);
        sv(name, now);
        return postfix ? old : now;
    }

    // ---- pipelines ----

    public Object cmd(Object name, boolean invoked, int l, int c, Object... args) {
        List<Argument> list = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Splat s) {
                list.addAll(s.arguments());
            } else {
                list.add((Argument) a);
            }
        }
        return new Pipeline.CommandSpec(name, invoked, l, c, list);
    }

    public Object input(Object value) {
        return new Pipeline.InputSpec(value);
    }

    public Object param(String name, Object value, boolean colon) {
        return new Argument(name, value, colon, false);
    }

    public Object arg(Object value) {
        return Argument.positional(value);
    }

    public Object splat(Object value) {
        return Splat.of(value);
    }

    public void run(Object... stages) {
        List<Object> specs = List.of(stages);
        new Pipeline(this, specs).run(sinks.peek());
    }

    public Object sb(int index) {
        return new ScriptBlockImpl(this, unit, index);
    }

    // ---- operators ----

    public boolean t(Object v) {
        return LanguagePrimitives.isTrue(v);
    }

    public Object cmp(String op, Object l, Object r) {
        String o = op.toLowerCase(Locale.ROOT);
        if (o.endsWith("match") && !LanguagePrimitives.isEnumerable(l)) {
            boolean cs = o.startsWith("c");
            Hashtable m = Comparison.match(l, r, cs);
            if (m != null) {
                sv("Matches", m);
            }
            return o.contains("not") == (m == null);
        }
        return Comparison.apply(o, l, r);
    }

    public Object add(Object l, Object r) {
        return Arithmetic.add(l, r);
    }

    public Object sub(Object l, Object r) {
        return Arithmetic.subtract(l, r);
    }

    public Object mul(Object l, Object r) {
        return Arithmetic.multiply(l, r);
    }

    public Object div(Object l, Object r) {
        return Arithmetic.divide(l, r);
    }

    public Object mod(Object l, Object r) {
        return Arithmetic.remainder(l, r);
    }

    public Object neg(Object v) {
        return Arithmetic.negate(v);
    }

    public Object num(Object v) {
        return LanguagePrimitives.toNumber(v);
    }

    public Object format(Object l, Object r) {
        return org.drizzle.cmdlets.dotnet.CompositeFormat.formatOperator(l, r);
    }

    public Object range(Object l, Object r) {
        return Operators.range(l, r);
    }

    public Object replace(String prefix, Object l, Object r) {
        return Operators.replace(prefix.equals("c"), l, r);
    }

    public Object split(String prefix, Object l, Object r) {
        return Operators.split(prefix.equals("c"), l, r);
    }

    public Object join(Object l, Object r) {
        return Operators.join(l, r);
    }

    public Object bit(String op, Object l, Object r) {
        return Operators.bitwise(op, l, r);
    }

    public Object bnot(Object v) {
        return ~LanguagePrimitives.toLong(v);
    }

    public boolean is(Object v, Object type) {
        String name = typeName(type);
        java.util.Optional<TypeAdapter> t = DotNetTypes.find(name);
        return t.isPresent() ? t.get().isInstance(v) : TypeResolver.is(v, name);
    }

    public Object as(Object v, Object type) {
        String name = typeName(type);
        java.util.Optional<TypeAdapter> t = DotNetTypes.find(name);
        return t.isPresent() ? DotNetTypes.tryConvert(t.get(), v) : TypeResolver.as(v, name);
    }

    private static String typeName(Object type) {
        return type instanceof TypeRef t ? t.name() : LanguagePrimitives.toStr(type);
    }

    /** Casts: the curated .NET types of the cmdlets module first, then the host's own (pscustomobject, ordered...). */
    public Object cast(String type, Object v) {
        if (!TypeResolver.isHostType(type)) {
            java.util.Optional<TypeAdapter> t = DotNetTypes.find(type);
            if (t.isPresent()) {
                return t.get().convert(v);
            }
        }
        return TypeResolver.cast(type, v);
    }

    public Object concat(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p instanceof String s ? s : Operators.interpolate(p, peek("OFS")));
        }
        return b.toString();
    }

    public Object arr(Object... items) {
        return new ArrayList<>(java.util.Arrays.asList(items));
    }

    public Object hash(Object... kv) {
        Hashtable h = new Hashtable();
        for (int i = 0; i < kv.length; i += 2) {
            if (h.containsKey(kv[i])) {
                throw new IllegalArgumentException("Duplicate keys '" + kv[i] + "' are not allowed in hash literals.");
            }
            h.put(kv[i], kv[i + 1]);
        }
        return h;
    }

    public Iterator<Object> iter(Object v) {
        return LanguagePrimitives.toList(v).iterator();
    }

    public Iterator<Object> switchItems(Object v) {
        if (v == null) {
            List<Object> one = new ArrayList<>();
            one.add(null);
            return one.iterator();
        }
        return iter(v);
    }

    public boolean switchMatch(Object value, Object pattern, String flags) {
        return Operators.switchMatch(this, value, pattern, flags);
    }

    // ---- members and types ----

    public Object get(Object target, Object name) {
        return Operators.getMember(this, target, LanguagePrimitives.toStr(name));
    }

    /**
     * Set-StrictMode's version (0 when off), read from the session variable the Set-StrictMode
     * cmdlet writes: 1 forbids reading unset variables, 2 and later also missing properties.
     */
    int strictVersion() {
        Object v = scope.get(STRICT_MODE_VARIABLE);
        return v == null ? 0 : LanguagePrimitives.toInt(org.drizzle.cmdlets.dotnet.InstanceMembers.getProperty(v, "Major"));
    }

    /** The variable the cmdlets module's Set-StrictMode sets. */
    static final String STRICT_MODE_VARIABLE = org.drizzle.cmdlets.management.SetStrictModeCommand.VARIABLE;

    public void set(Object target, Object name, Object value) {
        Members.setProperty(target, LanguagePrimitives.toStr(name), value);
    }

    public Object call(Object target, Object name, Object... args) {
        return Operators.invoke(this, target, LanguagePrimitives.toStr(name), java.util.Arrays.asList(args));
    }

    public Object idx(Object target, Object index) {
        return Operators.index(target, index);
    }

    @SuppressWarnings("unchecked")
    public void setIdx(Object target, Object index, Object value) {
        if (target instanceof Map<?, ?> m) {
            ((Map<Object, Object>) m).put(index, value);
        } else if (target instanceof List<?> l) {
            int i = LanguagePrimitives.toInt(index);
            ((List<Object>) l).set(i < 0 ? l.size() + i : i, value);
        } else {
            throw new IllegalArgumentException("Unable to index into an object of type " + Members.typeName(target) + ".");
        }
    }

    public Object type(String name) {
        return new TypeRef(name);
    }

    /** {@code [type]::Member}: the session's own members first, then the cmdlets module's curated .NET types. */
    public Object sget(String type, Object member) {
        String m = LanguagePrimitives.toStr(member);
        Object own = StaticMembers.get(this, type, m);
        return own != StaticMembers.NONE ? own : DotNetTypes.require(type).getStatic(m);
    }

    /** {@code [type]::Member = value} (ServicePointManager.SecurityProtocol and friends). */
    public void sset(String type, Object member, Object value) {
        DotNetTypes.require(type).setStatic(LanguagePrimitives.toStr(member), value);
    }

    /** {@code [type]::Method(args)} and {@code [type]::new(args)}. */
    public Object scall(String type, Object member, Object... args) {
        String m = LanguagePrimitives.toStr(member);
        List<Object> list = new ArrayList<>(java.util.Arrays.asList(args));
        Object own = StaticMembers.call(this, type, m, list);
        if (own != StaticMembers.NONE) {
            return own;
        }
        if (m.equalsIgnoreCase("new") && TypeResolver.isHostType(type)) {
            return TypeResolver.cast(type, list.isEmpty() ? new Hashtable() : list.get(0));
        }
        TypeAdapter t = DotNetTypes.require(type);
        return m.equalsIgnoreCase("new") ? t.construct(list) : t.invokeStatic(m, list);
    }
}
