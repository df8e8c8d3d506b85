package org.drizzle.cmdlets.api;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one command of a pipeline: binds its command-line arguments on construction (so the
 * host can read the common parameters before building the command's context), then drives
 * begin, one process per input (binding pipeline parameters for that input first) and end.
 * An input that cannot be bound is reported as a non-terminating error and skipped, as in
 * PowerShell.
 */
public final class CommandProcessor {
    private final CommandMetadata metadata;
    private final ParameterBinder binder;
    private final BoundParameters commandLine;
    private final boolean expectingInput;
    private final Command command;
    private final Map<Field, Object> defaults = new HashMap<>();
    private CommandContext context;

    /** Binds {@code args}; throws {@link ParameterBindingException} before anything runs. */
    public CommandProcessor(CommandMetadata metadata, List<Argument> args, boolean expectingInput) {
        this.metadata = metadata;
        this.binder = new ParameterBinder(metadata);
        this.expectingInput = expectingInput;
        this.commandLine = binder.bind(args, expectingInput);
        this.command = metadata.newInstance();
        command.bindCommon(commandLine.common());
        for (ParameterMetadata p : metadata.parameters()) {
            if (p.field() != null) {
                defaults.put(p.field(), read(p.field()));
            }
        }
        apply(commandLine);
    }

    public CommandMetadata metadata() {
        return metadata;
    }

    /** The command-line binding: values, provisional parameter set and common parameters. */
    public BoundParameters bound() {
        return commandLine;
    }

    public Command command() {
        return command;
    }

    /** Attaches the context built from {@link #bound()} and runs begin(). */
    public void begin(CommandContext ctx) {
        this.context = ctx;
        command.attach(ctx, commandLine.parameterSetName());
        command.begin();
    }

    /** One pipeline object (or null once when the command is first in the pipeline). */
    public void process(Object input) {
        if (expectingInput && metadata.takesPipelineInput()) {
            BoundParameters b;
            try {
                b = binder.bindPipelineInput(commandLine, input);
            } catch (ParameterBindingException e) {
                context.writeError(e.record());
                return;
            }
            apply(b);
            command.attach(context, b.parameterSetName());
        }
        command.process(input);
    }

    public void end() {
        command.end();
    }

    /** Ctrl+C: forwards to the command's stop() (from another thread). */
    public void stop() {
        command.stop();
    }

    /** Sets bound fields; resets pipeline-fed fields the current input did not bind. */
    private void apply(BoundParameters b) {
        for (ParameterMetadata p : metadata.parameters()) {
            Field f = p.field();
            if (f == null) {
                continue;
            }
            if (b.values().containsKey(p)) {
                write(f, b.values().get(p));
            } else if (p.sets().values().stream().anyMatch(s -> s.valueFromPipeline()
                    || s.valueFromPipelineByPropertyName())) {
                write(f, defaults.get(f));
            }
        }
    }

    private Object read(Field f) {
        try {
            return f.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(Field f, Object value) {
        try {
            if (value == null && f.getType().isPrimitive()) {
                return;
            }
            f.set(command, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot set " + f + " to " + value, e);
        }
    }
}
