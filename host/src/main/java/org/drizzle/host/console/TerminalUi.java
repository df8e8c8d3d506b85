package org.drizzle.host.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.drizzle.cmdlets.api.HostUi;
import org.drizzle.cmdlets.api.ProgressRecord;

/**
 * The console as commands see it. Interactive means stdin and stdout are a terminal: only then
 * are colours used (unless NO_COLOR is set) and progress bars drawn (on stderr, redrawn in
 * place). Errors, warnings and verbose text go to stderr so stdout stays clean for data.
 */
public final class TerminalUi implements HostUi {
    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("black", "30"), Map.entry("darkred", "31"), Map.entry("darkgreen", "32"),
            Map.entry("darkyellow", "33"), Map.entry("darkblue", "34"), Map.entry("darkmagenta", "35"),
            Map.entry("darkcyan", "36"), Map.entry("gray", "37"), Map.entry("darkgray", "90"), Map.entry("red", "91"),
            Map.entry("green", "92"), Map.entry("yellow", "93"), Map.entry("blue", "94"), Map.entry("magenta", "95"),
            Map.entry("cyan", "96"), Map.entry("white", "97"));

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final boolean colour;
    private BufferedReader stdin;
    private volatile int columns;
    private boolean progressShown;
    private volatile java.io.Writer transcript;

    public TerminalUi(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.colour = interactive && System.getenv("NO_COLOR") == null;
        String c = System.getenv("COLUMNS");
        this.columns = c != null && c.matches("\\d+") ? Integer.parseInt(c) : interactive ? 120 : 120;
    }

    /** The process console: interactive when both stdin and stdout are terminals. */
    public static TerminalUi system() {
        return new TerminalUi(System.out, System.err, System.console() != null);
    }

    /** The REPL knows the real width from JLine. */
    public void setWidth(int width) {
        if (width > 0) {
            columns = width;
        }
    }

    @Override
    public boolean isInteractive() {
        return interactive;
    }

    @Override
    public int width() {
        return columns;
    }

    @Override
    public String readLine(String prompt, boolean secret) {
        clearProgress();
        java.io.Console console = System.console();
        if (console != null) {
            if (secret) {
                char[] pw = console.readPassword("%s", prompt);
                return pw == null ? null : new String(pw);
            }
            return console.readLine("%s", prompt);
        }
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            err.print(prompt);
            err.flush();
            return stdin.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void write(String text, String foregroundColor, boolean newline) {
        clearProgress();
        out.print(paint(text, foregroundColor) + (newline ? System.lineSeparator() : ""));
        out.flush();
        record(newline ? text + System.lineSeparator() : text);
    }

    /** Errors, warnings, verbose and debug text: stderr, coloured on a terminal. */
    public void diagnostic(String text, String colourName) {
        clearProgress();
        err.println(paint(text, colourName));
        err.flush();
        record(text + System.lineSeparator());
    }

    /** Start-Transcript: from now on every console line is also copied (uncoloured) into {@code sink}; null stops. */
    @Override
    public void setTranscript(java.io.Writer sink) {
        transcript = sink;
    }

    @Override
    public java.io.Writer transcript() {
        return transcript;
    }

    /**
     * Copies text shown on the console into the transcript, if one is running. A transcript
     * that cannot be written (disk full, file removed) is dropped after one warning on stderr
     * rather than failing the command that printed.
     */
    public void record(String text) {
        java.io.Writer w = transcript;
        if (w == null) {
            return;
        }
        try {
            synchronized (w) {
                w.write(text);
                w.flush();
            }
        } catch (IOException e) {
            transcript = null;
            err.println("WARNING: the transcript stopped: " + e.getMessage());
        }
    }

    private String paint(String text, String colourName) {
        String code = colourName == null ? null : COLOURS.get(colourName.toLowerCase(Locale.ROOT));
        return colour && code != null ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
    }

    @Override
    public synchronized void progress(ProgressRecord r) {
        if (!interactive) {
            return;
        }
        if (r.completed()) {
            clearProgress();
            return;
        }
        int pct = r.percentComplete();
        int barWidth = Math.max(10, Math.min(40, columns / 3));
        StringBuilder line = new StringBuilder(r.activity());
        if (pct >= 0) {
            int filled = Math.min(barWidth, pct * barWidth / 100);
            line.append(" [").append("#".repeat(filled)).append(".".repeat(barWidth - filled)).append("] ")
                    .append(pct).append('%');
        }
        if (r.statusDescription() != null && !r.statusDescription().isEmpty()) {
            line.append("  ").append(r.statusDescription());
        }
        String text = line.length() >= columns ? line.substring(0, columns - 1) : line.toString();
        err.print("\r\u001B[2K" + text);
        err.flush();
        progressShown = true;
    }

    private synchronized void clearProgress() {
        if (progressShown) {
            err.print("\r\u001B[2K");
            err.flush();
            progressShown = false;
        }
    }
}
