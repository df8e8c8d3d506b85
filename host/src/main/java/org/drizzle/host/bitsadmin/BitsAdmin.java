package org.drizzle.host.bitsadmin;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.cli.ParseException;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;

/**
 * {@code drizzle bitsadmin ...} and {@code bin/bitsadmin}: Microsoft's bitsadmin.exe on the
 * same engine, jobs and owner rules as the BitsTransfer cmdlets. The global switches
 * ({@code /RAWRETURN}, {@code /WRAP}, {@code /NOWRAP}) come first, then one command switch
 * from {@link SwitchTable}; all switch names ignore case. Output and exit codes follow
 * bitsadmin: docs/bitsadmin.md.
 */
public final class BitsAdmin {
    static final String VERSION = "0.1.0";
    private static final Duration POLL = Duration.ofMillis(500);

    private final PrintStream stdout;
    private final Supplier<EngineClient> engines;
    private final Duration poll;

    /**
     * @param engines opens the engine the first time a switch needs it (the caller closes what it opened)
     * @param poll    how often /TRANSFER looks at its job
     */
    public BitsAdmin(PrintStream stdout, Supplier<EngineClient> engines, Duration poll) {
        this.stdout = stdout;
        this.engines = engines;
        this.poll = poll;
    }

    public BitsAdmin(PrintStream stdout, Supplier<EngineClient> engines) {
        this(stdout, engines, POLL);
    }

    /** Runs one bitsadmin command line; returns its exit code ({@link #exitCode}). */
    public int run(List<String> args) {
        int i = 0;
        boolean raw = false;
        for (; i < args.size(); i++) {
            String a = args.get(i).toLowerCase(Locale.ROOT);
            if (a.equals("/rawreturn")) {
                raw = true;
            } else if (!a.equals("/wrap") && !a.equals("/nowrap")) {
                break;
            }
        }
        Output out = new Output(stdout, raw);
        out.banner(VERSION);
        try {
            return exitCode(dispatch(args.subList(i, args.size()), out));
        } finally {
            out.flush();
        }
    }

    private int dispatch(List<String> command, Output out) {
        if (command.isEmpty()) {
            Usage.text().forEach(out::line);
            return 0;
        }
        String name = command.get(0);
        Switch sw = name.length() > 1 && name.startsWith("/") ? SwitchTable.find(name.substring(1)) : null;
        if (sw == null) {
            out.line("Invalid command");
            Usage.text().forEach(out::line);
            return ErrorCodes.E_INVALIDARG;
        }
        SwitchParser.Parsed parsed;
        try {
            parsed = SwitchParser.parse(sw.modifiers(), command.subList(1, command.size()));
        } catch (ParseException e) {
            return usageError(out, sw, "Invalid argument for " + sw.usage().split(" ")[0] + ": " + e.getMessage());
        }
        if (parsed.args().contains("/?") && !sw.name().equals("util")) {
            out.line("USAGE: BITSADMIN " + sw.usage());
            out.line(sw.help());
            return 0;
        }
        int n = parsed.args().size();
        if (n < sw.minArgs() || n > sw.maxArgs()) {
            return usageError(out, sw, "Invalid number of arguments.");
        }
        try {
            return sw.handler().run(new Invocation(sw, parsed, out, engines, poll));
        } catch (BitsAdminException e) {
            return failed(out, e.action(), e.code(), e.getMessage());
        } catch (BitsException e) {
            return failed(out, sw.action(), e.code(), e.getMessage());
        } catch (UncheckedIOException e) {
            return failed(out, "connect to the Drizzle engine", ErrorCodes.E_FAIL, e.getMessage());
        }
    }

    private static int usageError(Output out, Switch sw, String message) {
        out.line(message);
        out.line("USAGE: BITSADMIN " + sw.usage());
        return ErrorCodes.E_INVALIDARG;
    }

    private static int failed(Output out, String action, int code, String description) {
        out.line("Unable to " + action + " - " + ErrorCodes.hex(code));
        out.line(Formats.clean(description));
        return code;
    }

    /**
     * The process exit code: 0 for success, else the HRESULT (bitsadmin exits with it). A
     * process status on Linux keeps only the low 8 bits, so an HRESULT whose low byte is 0
     * exits 1 rather than looking like success.
     */
    public static int exitCode(int hresult) {
        return hresult == 0 || (hresult & 0xFF) != 0 ? hresult : 1;
    }
}
