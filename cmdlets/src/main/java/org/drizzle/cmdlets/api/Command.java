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
    private CommonParameters common;

    /** Called by the host before {@link #begin()}. */
    public final void attach(CommandContext context, String parameterSetName) {
        this.context = context;
        this.parameterSetName = parameterSetName;
    }

    protected CommandContext context() {
        return context;
    }

    /** Called by {@link CommandProcessor} once the command line is bound. */
    final void bindCommon(CommonParameters common) {
        this.common = common;
    }

    /** True when -WhatIf or -Confirm was given to this command (for commands that refuse them in some sets). */
    protected boolean shouldProcessRequested() {
        return common != null && (Boolean.TRUE.equals(common.whatIf()) || Boolean.TRUE.equals(common.confirm()));
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
