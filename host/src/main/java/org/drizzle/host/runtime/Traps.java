package org.drizzle.host.runtime;

import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.PipelineStoppedException;

/**
 * {@code trap}: a terminating error of a statement in a list holding traps runs the first trap
 * whose type matches (none: all), in a child scope with $_ the error. Then, as in PowerShell:
 * {@code continue} in the trap drops the error and the list goes on with the next statement;
 * {@code break} lets the error go on unwinding; neither writes the error to the error stream and
 * goes on. exit, and break/continue of loops, are not errors and pass through.
 */
final class Traps {
    private Traps() {
    }

    /** {@code spec}: {@code "block;Type,Type|block;"} as the emitter wrote it. */
    static void handle(ScriptRunner rt, Object thrown, String spec) {
        Errors errors = rt.errors();
        Throwable t = errors.asThrowable(thrown);
        if (t instanceof ExitException || t instanceof FlowException || t instanceof PipelineStoppedException) {
            throw Errors.sneaky(t);
        }
        ErrorRecord record = errors.toRecord(t, false);
        for (String trap : spec.split("\\|")) {
            int semi = trap.indexOf(';');
            String types = trap.substring(semi + 1);
            if (errors.catches(record, types.isEmpty() ? new String[0] : types.split(","))) {
                run(rt, t, record, Integer.parseInt(trap.substring(0, semi)));
                return;
            }
        }
        throw Errors.sneaky(t);
    }

    private static void run(ScriptRunner rt, Throwable t, ErrorRecord record, int block) {
        ScriptBlockImpl body = rt.scriptBlock(block);
        Scope s = new Scope(rt.scope());
        s.set("_", record);
        s.set("PSItem", record);
        try {
            rt.runPart(body.unit(), body.block(), "e", s, rt.top());
        } catch (FlowException f) {
            if (f.label() == null && f.keyword().equals("continue")) {
                return;
            }
            throw Errors.sneaky(f.keyword().equals("break") && f.label() == null ? t : f);
        }
        rt.errors().trapped(record, t);
    }
}
