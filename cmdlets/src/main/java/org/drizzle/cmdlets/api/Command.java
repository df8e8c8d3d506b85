package org.drizzle.cmdlets.api;

/**
 * Base of every cmdlet. Life: parameters are bound, then {@link #begin()}, then
 * {@link #process(Object)} once per pipeline input (once with null when the command is first
 * in the pipeline, after pipeline-bound parameters have been bound for that input), then
 * {@link #end()}. Stream per object; aggregate only in {@code end()}. Long waits poll
 * {@code context().isStopping()} or honour {@link #stop()}.
 */
public abstract class Command {
    private CommandContext context;
    private String parameterSetName = "";

    /** Called by the host before {@link #begin()}. */
    public final void attach(CommandContext context, String parameterSetName) {
        this.context = context;
        this.parameterSetName = parameterSetName;
    }

    protected CommandContext context() {
        return context;
    }

    /** The parameter set the binder chose. */
    protected String parameterSetName() {
        return parameterSetName;
    }

    public void begin() {
    }

    /** @param input the current pipeline object, or null when not fed by a pipeline */
    public void process(Object input) {
    }

    public void end() {
    }

    /** Ctrl+C: interrupt a blocking wait. Called from another thread. */
    public void stop() {
    }

    protected void writeObject(Object value) {
        context.writeObject(value);
    }

    protected void writeError(ErrorRecord record) {
        context.writeError(record);
    }

    /** Stops the pipeline with a terminating error. */
    protected RuntimeException throwTerminating(ErrorRecord record) {
        throw new CommandException(record);
    }
}
