package org.drizzle.host.runtime;

import java.util.List;
import java.util.function.Consumer;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommandProcessor;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;

/**
 * A cmdlet in a pipeline: h5's {@link CommandProcessor} binds and drives it; this stage gives
 * it a {@link HostContext} and names the command in any error it raises.
 */
final class CommandStage implements Stage {
    private final ScriptRunner rt;
    private final CommandMetadata metadata;
    private final CommandProcessor processor;
    private StreamRedirects redirect = StreamRedirects.NONE;
    private Consumer<Object> mergeSink;

    CommandStage(ScriptRunner rt, CommandMetadata metadata, List<Argument> args, boolean expectingInput) {
        this.rt = rt;
        this.metadata = metadata;
        CommandProcessor p;
        try {
            p = new CommandProcessor(metadata, args, expectingInput);
        } catch (RuntimeException e) {
            throw named(e);
        }
        this.processor = p;
    }

    void redirect(StreamRedirects r, Consumer<Object> sink) {
        this.redirect = r;
        this.mergeSink = sink;
    }

    @Override
    public void begin(Consumer<Object> downstream) {
        HostContext ctx = new HostContext(rt, metadata.name(), processor.bound().common(), downstream, redirect, mergeSink);
        guard(() -> processor.begin(ctx));
    }

    @Override
    public void process(Object input) {
        guard(() -> processor.process(input));
    }

    @Override
    public void end() {
        guard(processor::end);
    }

    @Override
    public boolean runs(org.drizzle.cmdlets.api.Command command) {
        return processor.command() == command;
    }

    @Override
    public void stop() {
        processor.stop();
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            throw named(e);
        }
    }

    /** Terminating errors carry the command's name; unexpected exceptions become ErrorRecords. */
    private RuntimeException named(RuntimeException e) {
        if (Errors.mustUnwind(e) && !(e instanceof ScriptException s && s.record().commandName() == null)) {
            return e;
        }
        if (e instanceof ScriptException s) {
            return new ScriptException(s.record().withCommand(metadata.name()), s.position());
        }
        if (e instanceof CommandException c) {
            return c.record().commandName() != null ? c : new CommandException(c.record().withCommand(metadata.name()));
        }
        if (Errors.mustUnwind(e)) {
            return e;
        }
        String id = e.getClass().getSimpleName();
        return new CommandException(new ErrorRecord(e, id, e instanceof IllegalArgumentException
                ? ErrorCategory.INVALID_ARGUMENT : ErrorCategory.NOT_SPECIFIED, null, metadata.name(), 0));
    }
}
