package org.drizzle.cmdlets.api;

/**
 * PowerShell's StopUpstreamCommandsException: a command that has all the input it needs (Select-Object
 * -First) stops the commands before it, however long they would run (Get-Content -Wait); it and the
 * commands after it still end normally. The pipeline runner catches it and ends those commands.
 */
public final class StopUpstreamException extends PipelineStoppedException {
    private static final long serialVersionUID = 1L;
    private final transient Command requester;

    public StopUpstreamException(Command requester) {
        this.requester = requester;
    }

    /** The command that needs no more input. */
    public Command requester() {
        return requester;
    }
}
