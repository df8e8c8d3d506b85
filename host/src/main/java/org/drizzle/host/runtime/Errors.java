package org.drizzle.host.runtime;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.drizzle.cmdlets.api.ActionPreference;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.host.lex.SourcePosition;

/**
 * PowerShell's error rules. A non-terminating error (a cmdlet's writeError) follows
 * -ErrorAction / $ErrorActionPreference: Continue prints it in red on stderr and adds it to
 * $Error, SilentlyContinue only records it, Ignore drops it, Stop turns it into a
 * script-terminating {@link ScriptException}. A statement-terminating error (a bad parameter,
 * a failed conversion) ends the statement and the script goes on, unless a try is active or
 * $ErrorActionPreference is Stop. {@code throw}, exit, break and continue always unwind.
 */
final class Errors {
    /** Type names in catch [..] mapped to the Java exceptions our code raises for them. */
    private static final Map<String, List<Class<?>>> CATCH_TYPES = Map.of(
            "net.webexception", List.of(java.io.IOException.class, org.drizzle.engine.job.BitsException.class),
            "io.ioexception", List.of(java.io.IOException.class),
            "io.filenotfoundexception", List.of(java.io.FileNotFoundException.class, java.nio.file.NoSuchFileException.class),
            "unauthorizedaccessexception", List.of(java.nio.file.AccessDeniedException.class, SecurityException.class),
            "argumentexception", List.of(IllegalArgumentException.class),
            "invalidoperationexception", List.of(IllegalStateException.class),
            "management.automation.runtimeexception", List.of(Throwable.class),
            "exception", List.of(Throwable.class),
            "dividebyzeroexception", List.of(ArithmeticException.class),
            "formatexception", List.of(NumberFormatException.class, org.drizzle.cmdlets.lang.ConversionException.class));

    private final ScriptRunner rt;
    private boolean lastSucceeded = true;
    private int failureCount;

    Errors(ScriptRunner rt) {
        this.rt = rt;
    }

    /** $? */
    boolean lastSucceeded() {
        return lastSucceeded;
    }

    /** A native program exited non-zero: $? is false (the exit code is in $LASTEXITCODE). */
    void nativeFailed() {
        lastSucceeded = false;
        failureCount++;
    }

    /** A count that moves on every reported error, so a statement can tell whether it failed. */
    int failureCount() {
        return failureCount;
    }

    /** End of a statement: $? is true unless an error was reported since {@code mark}. */
    void statementDone(int mark) {
        if (failureCount == mark) {
            lastSucceeded = true;
        }
    }

    void resetFailures() {
        lastSucceeded = true;
    }

    /** The session's $ErrorActionPreference. */
    ActionPreference preference() {
        Object p = rt.peek("ErrorActionPreference");
        try {
            return p == null ? ActionPreference.CONTINUE : ActionPreference.parse(p);
        } catch (IllegalArgumentException e) {
            return ActionPreference.CONTINUE;
        }
    }

    /** A non-terminating error from a command, under its -ErrorAction (null means the preference). */
    void nonTerminating(ErrorRecord record, ActionPreference action) {
        ActionPreference a = action == null ? preference() : action;
        lastSucceeded = false;
        failureCount++;
        switch (a) {
            case STOP, INQUIRE, SUSPEND, BREAK -> throw new ScriptException(record, rt.position());
            case IGNORE -> {
                return;
            }
            case SILENTLY_CONTINUE -> rt.session().recordError(record);
            default -> {
                rt.session().recordError(record);
                print(record, rt.position());
            }
        }
    }

    /** A statement threw: unwind when it must, else report and go on with the next statement. */
    void statementFailed(Object e) {
        Throwable t = asThrowable(e);
        if (mustUnwind(t) || rt.tryDepth() > 0) {
            throw sneaky(t);
        }
        ErrorRecord record = toRecord(e, false);
        if (preference() == ActionPreference.STOP) {
            throw new ScriptException(record, rt.position());
        }
        lastSucceeded = false;
        failureCount++;
        rt.session().recordError(record);
        StreamRedirects.Active routed = rt.outerRedirect(StreamRedirects.ERROR);
        if (routed != null) {
            // inside a call redirected with 2>&1, 2>$null or 2> file
            routed.redirects().route(StreamRedirects.ERROR, record, record.toString(), routed.sink());
            return;
        }
        print(record, t instanceof ScriptException s && s.position() != null ? s.position() : rt.position());
    }

    /** A trap that neither continued nor broke: the error is written as a non-terminating one, and $? is false. */
    void trapped(ErrorRecord record, Throwable t) {
        lastSucceeded = false;
        failureCount++;
        rt.session().recordError(record);
        print(record, t instanceof ScriptException s && s.position() != null ? s.position() : rt.position());
    }

    static boolean mustUnwind(Throwable t) {
        return t instanceof ExitException || t instanceof FlowException || t instanceof ScriptException
                || t instanceof PipelineStoppedException;
    }

    /** Reports an error that ended the whole script (called by the host at the top). */
    void reportUncaught(Throwable t) {
        ErrorRecord record = toRecord(t, false);
        rt.session().recordError(record);
        lastSucceeded = false;
        print(record, t instanceof ScriptException s && s.position() != null ? s.position() : rt.position());
    }

    void print(ErrorRecord record, SourcePosition where) {
        String name = record.commandName();
        StringBuilder msg = new StringBuilder(name == null ? "" : name + ": ").append(record.message());
        if (where != null && where.line() > 0 && !where.file().startsWith("<")) {
            msg.append(System.lineSeparator()).append("At ").append(where.file()).append(':').append(where.line())
                    .append(" char:").append(where.column());
        }
        rt.session().diagnostic(msg.toString(), "Red");
    }

    /** $_ in a catch block: the ErrorRecord for whatever was thrown (exit/break are not catchable). */
    ErrorRecord toRecord(Object e, boolean forCatch) {
        Throwable t = asThrowable(e);
        if (forCatch && (t instanceof ExitException || t instanceof FlowException || t instanceof PipelineStoppedException)) {
            throw sneaky(t);
        }
        if (t instanceof CommandException c) {
            return c.record();
        }
        if (t instanceof ThrownValue v) {
            if (v.value() instanceof ErrorRecord r) {
                return r;
            }
            if (v.value() instanceof Throwable inner) {
                return new ErrorRecord(inner, inner.getClass().getSimpleName(), ErrorCategory.OPERATION_STOPPED, null);
            }
            return new ErrorRecord(v, v.getMessage(), ErrorCategory.OPERATION_STOPPED, v.value());
        }
        String id = t.getClass().getSimpleName();
        return new ErrorRecord(t, id.isEmpty() ? "RuntimeException" : id, ErrorCategory.NOT_SPECIFIED, null);
    }

    /** The exception for {@code throw value}. */
    RuntimeException thrown(Object value) {
        if (value instanceof ErrorRecord r) {
            return new ScriptException(r, rt.position());
        }
        ThrownValue t = new ThrownValue(value);
        return new ScriptException(new ErrorRecord(t, t.getMessage(), ErrorCategory.OPERATION_STOPPED, value), rt.position());
    }

    /** catch [Type1, Type2]: no types catches everything. */
    boolean catches(ErrorRecord record, String... types) {
        if (types.length == 0) {
            return true;
        }
        Throwable t = record.exception();
        for (String type : types) {
            String n = TypeResolver.normalise(type);
            List<Class<?>> mapped = CATCH_TYPES.get(n);
            for (Throwable x = t; x != null; x = x.getCause()) {
                final Throwable current = x;
                if (mapped != null && mapped.stream().anyMatch(c -> c.isInstance(current))) {
                    return true;
                }
                for (Class<?> c = x.getClass(); c != null; c = c.getSuperclass()) {
                    if (c.getSimpleName().equalsIgnoreCase(n.substring(n.lastIndexOf('.') + 1))) {
                        return true;
                    }
                }
            }
            if (t instanceof org.drizzle.cmdlets.dotnet.DotNetException d && (n.endsWith("formatexception")
                    || n.endsWith("invalidcastexception")) && (d.errorId().contains("Cast") || d.errorId().contains("Format"))) {
                return true;
            }
            String last = n.substring(n.lastIndexOf('.') + 1);
            if (record.errorId() != null && record.errorId().toLowerCase(Locale.ROOT).contains(last)) {
                return true;
            }
        }
        return false;
    }

    /** Unwraps what a JS catch handed us (a Java exception, or a Nashorn wrapper of one). */
    Throwable asThrowable(Object e) {
        if (e instanceof Throwable t) {
            while (t.getClass().getName().startsWith("org.openjdk.nashorn") && t.getCause() != null) {
                t = t.getCause();
            }
            return t;
        }
        return new ThrownValue(LanguagePrimitives.toStr(e));
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
