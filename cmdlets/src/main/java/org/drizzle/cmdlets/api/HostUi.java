package org.drizzle.cmdlets.api;

/** What a command may ask of the user's terminal (Read-Host, Get-Credential, progress). */
public interface HostUi {

    /** True when stdin and stdout are an interactive terminal. */
    boolean isInteractive();

    /** Terminal width in columns (80 when unknown). */
    int width();

    /** Prompts and reads one line; {@code secret} suppresses echo. Null at end of input. */
    String readLine(String prompt, boolean secret);

    /** Writes text to the console (Write-Host), optionally coloured ("Red", "Green", ...) or without a newline. */
    void write(String text, String foregroundColor, boolean newline);

    /** Shows or updates a progress bar; a no-op when not interactive. */
    void progress(ProgressRecord record);

    /**
     * Start-Transcript: from now on also copy everything the console shows (formatted pipeline
     * output, Write-Host, warnings, errors, verbose text) to {@code sink}; null stops copying.
     * A host that cannot do this keeps the default, and Start-Transcript reports it clearly.
     */
    default void setTranscript(java.io.Writer sink) {
        throw new UnsupportedOperationException("This host cannot record a transcript (HostUi.setTranscript is not implemented).");
    }

    /** The sink given to {@link #setTranscript}, or null when no transcript is running. */
    default java.io.Writer transcript() {
        return null;
    }
}
