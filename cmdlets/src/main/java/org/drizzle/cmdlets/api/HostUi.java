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
}
