package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.dotnet.CompositeFormat;
import org.drizzle.cmdlets.dotnet.DotNetTypes;
import org.drizzle.cmdlets.dotnet.TypeAdapter;
import org.drizzle.cmdlets.lang.Arithmetic;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * The one object generated JavaScript calls ({@code rt}), and nothing else does: every
 * method is what {@code JsEmitter} writes, named short because it is spelled in every
 * statement of every compiled script. Each delegates to the {@link ScriptRunner} it belongs to
 * (scope, output, position, errors) or to {@code org.drizzle.cmdlets.lang} (PowerShell's value
 * rules), so JS never compares or adds values itself. Java code uses the runner instead.
 */
public final class ScriptRuntime {
    /** A switch parameter written without a value ({@code -Recurse}). */
    public final Object NO_VALUE = Argument.NO_VALUE;

    private final ScriptRunner runner;

    ScriptRuntime(ScriptRunner runner) {
        this.runner = runner;
    }

    // ---- statements ----

    /** Position of the statement about to run, for error messages. */
    public void at(int line, int column) {
        runner.setPosition(line, column);
    }

    /** After a top-level statement: objects waiting for the console are written. */
    public void flush() {
        runner.flush();
    }

    /** Start of a simple statement: the error count {@link #done} compares with. */
    public int mark() {
        return runner.markStatement();
    }

    /** End of a simple statement that did not throw: $? from whether it wrote errors. */
    public void done(int mark) {
        runner.statementDone(mark);
    }

    /** A simple statement threw {@code e}: reported, and the script goes on unless it must unwind. */
    public void failed(Object e) {
        runner.statementFailed(e);
    }

    /** Writes a statement's value (collections enumerated, $null nothing). */
    public void out(Object v) {
        runner.write(v);
    }

    /** The output of {@code f} as a value: one item itself, none $null; {@code array} forces a list. */
    public Object capture(Object f, boolean array) {
        return runner.collect((JSObject) f, array);
    }

    /** Runs {@code f} for its effect and drops its output (a for loop's iterator part). */
    public void call0(Object f) {
        runner.collect((JSObject) f, true);
    }

    /** Entering a try body: errors inside it are catchable rather than reported. */
    public void enterTry() {
        runner.enterTry();
    }

    /** Leaving a try body. */
    public void leaveTry() {
        runner.leaveTry();
    }

    /** The ErrorRecord ($_) a catch block sees for the thrown {@code e}. */
    public Object caught(Object e) {
        return runner.errors().toRecord(e, true);
    }

    /** True when a catch clause naming {@code types} (none: catch all) takes {@code record}. */
    public boolean catches(Object record, String... types) {
        return runner.errors().catches((ErrorRecord) record, types);
    }

    /** Throws {@code e} again (no catch clause took it, or a bare {@code throw} in a catch). */
    public void rethrow(Object e) {
        throw Errors.sneaky(runner.errors().asThrowable(e));
    }

    /** A statement under {@code trap}s threw {@code e}: the matching trap runs ({@link Traps}). */
    public void trap(Object e, String traps) {
        Traps.handle(runner, e, traps);
    }

    /** {@code throw value}. */
    public void throwValue(Object v) {
        throw runner.errors().thrown(v);
    }

    /** {@code exit code}. */
    public void exit(Object code) {
        throw new ExitException(code == null ? 0 : LanguagePrimitives.toInt(code));
    }

    /** break/continue outside a loop of the same block: unwinds to an enclosing loop or switch. */
    public void flow(String keyword, String label) {
        throw new FlowException(keyword, label);
    }

    /** {@code function name {...}}: block {@code block} of this unit becomes a session function. */
    public void defineFunction(String name, int block) {
        runner.defineFunction(name, block);
    }

    // ---- variables ----

    /** A variable without strict-mode checks (saving $_ around a switch). */
    public Object peek(String name) {
        return runner.peek(name);
    }

    /** Reads {@code $name}. */
    public Object v(String name) {
        return runner.variable(name);
    }

    /** Sets {@code $name}. */
    public void sv(String name, Object value) {
        runner.setVariable(name, value);
    }

    /** True when the caller gave parameter {@code name} a value (its default applies otherwise). */
    public boolean bound(String name) {
        return runner.isBound(name);
    }

    /** {@code $name++}, {@code --$name}...: the new value, or the old one when {@code postfix}. */
    public Object incr(String name, int delta, boolean postfix) {
        Object old = runner.variable(name);
        Object now = Arithmetic.add(old == null ? 0 : old, delta);
        runner.setVariable(name, now);
        return postfix ? old : now;
    }

    /** {@code [ref]$name}: a reference to the variable itself. */
    public Object ref(String name) {
        return new VariableReference(runner, name);
    }

    /** {@code $obj.Name++} and the like: the new value, or the old one when {@code postfix}. */
    public Object incrm(Object target, Object name, int delta, boolean postfix) {
        String member = LanguagePrimitives.toStr(name);
        Object old = Operators.getMember(runner, target, member);
        Object now = Arithmetic.add(old == null ? 0 : old, delta);
        Members.setProperty(target, member, now);
        return postfix ? old : now;
    }

    /** {@code $a[i]++} and the like. */
    public Object incri(Object target, Object index, int delta, boolean postfix) {
        Object old = Operators.index(target, index);
        Object now = Arithmetic.add(old == null ? 0 : old, delta);
        Operators.setIndex(target, index, now);
        return postfix ? old : now;
    }

    // ---- pipelines ----

    /** A command stage: its name (or, {@code invoked} with &amp;, any value), position and arguments. */
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

    /** A pipeline's leading expression stage. */
    public Object input(Object value) {
        return new Pipeline.InputSpec(value);
    }

    /** {@code -Name value} ({@code colon}: written {@code -Name:value}). */
    public Object param(String name, Object value, boolean colon) {
        return new Argument(name, value, colon, false);
    }

    /** A positional argument. */
    public Object arg(Object value) {
        return Argument.positional(value);
    }

    /** {@code @name}: a hashtable's entries as named arguments, an array's items as positional ones. */
    public Object splat(Object value) {
        return Splat.of(value);
    }

    /** Runs the stages as one pipeline, output to the current sink. */
    public void run(Object... stages) {
        runner.runPipeline(List.of(stages));
    }

    /** Script block {@code index} of this unit as a value. */
    public Object sb(int index) {
        return runner.scriptBlock(index);
    }

    // ---- operators ----

    /** PowerShell truth of a value. */
    public boolean t(Object v) {
        return LanguagePrimitives.isTrue(v);
    }

    /** A comparison operator ({@code "eq"}, {@code "cmatch"}, {@code "notlike"}...); -match sets $Matches. */
    public Object cmp(String op, Object l, Object r) {
        return Operators.compare(runner, op, l, r);
    }

    /** {@code +}. */
    public Object add(Object l, Object r) {
        return Arithmetic.add(l, r);
    }

    /** {@code -}. */
    public Object sub(Object l, Object r) {
        return Arithmetic.subtract(l, r);
    }

    /** {@code *}. */
    public Object mul(Object l, Object r) {
        return Arithmetic.multiply(l, r);
    }

    /** {@code /}. */
    public Object div(Object l, Object r) {
        return Arithmetic.divide(l, r);
    }

    /** {@code %}. */
    public Object mod(Object l, Object r) {
        return Arithmetic.remainder(l, r);
    }

    /** Unary {@code -}. */
    public Object neg(Object v) {
        return Arithmetic.negate(v);
    }

    /** Unary {@code +}: the value as a number. */
    public Object num(Object v) {
        return LanguagePrimitives.toNumber(v);
    }

    /** {@code -f}. */
    public Object format(Object l, Object r) {
        return org.drizzle.cmdlets.dotnet.CompositeFormat.formatOperator(l, r);
    }

    /** {@code ..}. */
    public Object range(Object l, Object r) {
        return Operators.range(l, r);
    }

    /** {@code -replace} ({@code prefix} "c" for -creplace). */
    public Object replace(String prefix, Object l, Object r) {
        return Operators.replace(prefix.equals("c"), l, r);
    }

    /** {@code -split} ({@code prefix} "c" for -csplit). */
    public Object split(String prefix, Object l, Object r) {
        return Operators.split(prefix.equals("c"), l, r);
    }

    /** {@code -join}. */
    public Object join(Object l, Object r) {
        return Operators.join(l, r);
    }

    /** {@code -band -bor -bxor -shl -shr} by name without the dash. */
    public Object bit(String op, Object l, Object r) {
        return Operators.bitwise(op, l, r);
    }

    /** {@code -bnot}. */
    public Object bnot(Object v) {
        return ~LanguagePrimitives.toLong(v);
    }

    /** {@code -is}. */
    public boolean is(Object v, Object type) {
        return Operators.is(v, type);
    }

    /** {@code -as}. */
    public Object as(Object v, Object type) {
        return Operators.as(v, type);
    }

    /** {@code [type]value}: the curated .NET types first, then the host's own (pscustomobject, ordered...). */
    public Object cast(String type, Object v) {
        return Operators.cast(type, v);
    }

    /** An expandable string from its text and values ($OFS joins arrays). */
    public Object concat(Object... parts) {
        StringBuilder b = new StringBuilder();
        for (Object p : parts) {
            b.append(p instanceof String s ? s : Operators.interpolate(p, runner.peek("OFS")));
        }
        return b.toString();
    }

    /** {@code a, b, c}. */
    public Object arr(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** {@code @{ k = v; ... }} from alternating keys and values. */
    public Object hash(Object... kv) {
        return Operators.hashLiteral(kv);
    }

    /** What foreach walks: a collection's items, a scalar once, $null not at all. */
    public Iterator<Object> iter(Object v) {
        return LanguagePrimitives.toList(v).iterator();
    }

    /** What switch walks: as {@link #iter}, but $null is one item. */
    public Iterator<Object> switchItems(Object v) {
        if (v == null) {
            List<Object> one = new ArrayList<>();
            one.add(null);
            return one.iterator();
        }
        return iter(v);
    }

    /** One switch clause against the current item; {@code flags} holds w (wildcard), r (regex), c (case). */
    public boolean switchMatch(Object value, Object pattern, String flags) {
        return Operators.switchMatch(runner, value, pattern, flags);
    }

    // ---- members and types ----

    /** {@code target.name}. */
    public Object get(Object target, Object name) {
        return Operators.getMember(runner, target, LanguagePrimitives.toStr(name));
    }

    /** {@code target.name = value}. */
    public void set(Object target, Object name, Object value) {
        Members.setProperty(target, LanguagePrimitives.toStr(name), value);
    }

    /** {@code target.name(args)}. */
    public Object call(Object target, Object name, Object... args) {
        return Operators.invoke(target, LanguagePrimitives.toStr(name), Arrays.asList(args));
    }

    /**
     * {@code target.name(arg)}: one argument has its own entry, since JS would spread a lone Java
     * array (a {@code [byte[]]} value) over a varargs parameter.
     */
    public Object call1(Object target, Object name, Object arg) {
        return call(target, name, new Object[] {arg});
    }

    /** {@code target[index]}. */
    public Object idx(Object target, Object index) {
        return Operators.index(target, index);
    }

    /** {@code target[index] = value}. */
    public void setIdx(Object target, Object index, Object value) {
        Operators.setIndex(target, index, value);
    }

    /** {@code [type]} as a value (the right side of -is, -as). */
    public Object type(String name) {
        return new TypeRef(name);
    }

    /** {@code [type]::Member}: the session's own members first, then the curated .NET types. */
    public Object sget(String type, Object member) {
        String m = LanguagePrimitives.toStr(member);
        Object own = StaticMembers.get(runner, type, m);
        return own != StaticMembers.NONE ? own : DotNetTypes.require(type).getStatic(m);
    }

    /** {@code [type]::Member = value} (ServicePointManager.SecurityProtocol and friends). */
    public void sset(String type, Object member, Object value) {
        DotNetTypes.require(type).setStatic(LanguagePrimitives.toStr(member), value);
    }

    /** {@code [T]::member(arg)}: one argument, kept whole (see {@link #call1}). */
    public Object scall1(String type, Object member, Object arg) {
        return scall(type, member, new Object[] {arg});
    }

    /** {@code [type]::Method(args)} and {@code [type]::new(args)}. */
    public Object scall(String type, Object member, Object... args) {
        String m = LanguagePrimitives.toStr(member);
        List<Object> list = new ArrayList<>(Arrays.asList(args));
        Object own = StaticMembers.call(runner, type, m, list);
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
