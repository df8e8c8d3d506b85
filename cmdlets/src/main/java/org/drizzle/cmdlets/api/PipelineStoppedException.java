package org.drizzle.cmdlets.api;

/** Thrown into a command when the pipeline is stopped (Ctrl+C, Select-Object -First satisfied). */
public class PipelineStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PipelineStoppedException() {
        super("The pipeline has been stopped.", null, false, false);
    }
}
