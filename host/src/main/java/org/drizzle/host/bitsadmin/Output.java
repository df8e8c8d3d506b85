package org.drizzle.host.bitsadmin;

import java.io.PrintStream;

/**
 * bitsadmin's console output. The banner opens every run unless {@code /RAWRETURN} is given;
 * with it, a value from {@code /CREATE} or a {@code /GET...} switch is printed without its line
 * end, so {@code for /f} and {@code $(...)} read exactly the value. Everything goes to stdout, as
 * bitsadmin writes errors there too. Line ends are CRLF on Windows and LF elsewhere.
 */
final class Output {
    /** Same line count and first words as bitsadmin 3.0's banner (scripts skip it by count). */
    static final String BANNER = "\nBITSADMIN version 3.0 [ Drizzle %s ]\nBITS administration utility.\n(C) Drizzle contributors.\n\n";

    private final PrintStream out;
    private final boolean raw;

    Output(PrintStream out, boolean raw) {
        this.out = out;
        this.raw = raw;
    }

    boolean raw() {
        return raw;
    }

    void banner(String version) {
        if (!raw) {
            out.print(BANNER.formatted(version).replace("\n", System.lineSeparator()));
        }
    }

    /** One line of text. */
    void line(String text) {
        out.print(text);
        out.print(System.lineSeparator());
    }

    /** A value a script reads: bare under /RAWRETURN, else a line. */
    void value(String text) {
        if (raw) {
            out.print(text);
        } else {
            line(text);
        }
    }

    void flush() {
        out.flush();
    }
}
