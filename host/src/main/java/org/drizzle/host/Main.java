package org.drizzle.host;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.drizzle.engine.server.ServerCommandLine;
import org.drizzle.host.bitsadmin.BitsAdminProcess;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.engine.EngineMode;
import org.drizzle.host.engine.ServiceCommand;
import org.drizzle.host.runtime.ConsoleOutput;

/**
 * {@code drizzle}: the process entry. Modes (Apache Commons CLI): no arguments is the REPL
 * (or a script read from stdin when it is not a terminal); {@code -Command text};
 * {@code -File script.ps1 [args]} or a bare {@code script.ps1}/{@code script.js} path;
 * anything else is one command line; {@code service ...} runs the service,
 * {@code server ...} the compact BITS upload server and {@code bitsadmin ...} the bitsadmin
 * front end. Host options come
 * first and ignore case, as pwsh's do.
 */
public final class Main {
    static final String VERSION = "0.1.0";

    private Main() {
    }

    public static void main(String[] args) {
        CdsRecording.loadListedClassesAtExit();
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // engine INFO lines would mix with command output; bin/drizzle sets the same
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(run(args));
    }

    static Options options() {
        Options o = new Options();
        o.addOption(Option.builder("Command").hasArg().argName("text").desc("Runs the command text ('-' reads stdin).").get());
        o.addOption(Option.builder("File").hasArg().argName("script").desc("Runs a .ps1 or .js script; later arguments go to its param().").get());
        o.addOption(Option.builder("NoProfile").desc("Does not run the profile script (~/.config/drizzle/profile.ps1).").get());
        o.addOption(Option.builder("OutputFormat").hasArg().argName("Text|Json").desc("How pipeline output is written (default Text).").get());
        o.addOption(Option.builder("Engine").hasArg().argName("Auto|Embedded|User|Machine").desc("Which engine to use (default Auto).").get());
        o.addOption(Option.builder("h").longOpt("help").desc("Shows this help.").get());
        o.addOption(Option.builder("v").longOpt("version").desc("Shows the version.").get());
        return o;
    }

    /** Host options may be written in any case (-command, -FILE); the rest is left alone. */
    static String[] normalise(String[] args) {
        List<String> names = List.of("Command", "File", "NoProfile", "OutputFormat", "Engine");
        String[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            String a = out[i];
            if (!a.startsWith("-") || a.startsWith("--")) {
                break;
            }
            boolean known = false;
            for (String n : names) {
                if (a.substring(1).equalsIgnoreCase(n)) {
                    out[i] = "-" + n;
                    known = true;
                    if (!n.equals("NoProfile")) {
                        i++;
                    }
                }
            }
            if (!known && !a.equals("-h") && !a.equals("-v")) {
                break;
            }
        }
        return out;
    }

    /** What {@link #runHost} returns when its session factory declined the command line. */
    public static final int DECLINED = -1;

    /** Makes the session a parsed command line runs in (the process's own, or a quick-path run's). */
    @FunctionalInterface
    public interface SessionFactory {
        /**
         * @param readsStdin the run reads this process's stdin: the REPL, a script piped in, or {@code -Command -}
         * @param engineFirst the run is one BitsTransfer cmdlet and no profile runs first: its engine may open at once
         * @return the session, or null to decline (nothing has been written yet)
         */
        HostSession open(ConsoleOutput.Format format, EngineMode engine, boolean readsStdin, boolean engineFirst);
    }

    static int run(String[] rawArgs) {
        if (rawArgs.length > 0 && rawArgs[0].equalsIgnoreCase("service")) {
            return ServiceCommand.run(Arrays.copyOfRange(rawArgs, 1, rawArgs.length));
        }
        if (rawArgs.length > 0 && rawArgs[0].equalsIgnoreCase("bitsadmin")) {
            return BitsAdminProcess.run(Arrays.asList(rawArgs).subList(1, rawArgs.length));
        }
        if (rawArgs.length > 0 && rawArgs[0].equalsIgnoreCase("server")) {
            try {
                return ServerCommandLine.run(Arrays.copyOfRange(rawArgs, 1, rawArgs.length), System.out, System.err);
            } catch (Exception e) {
                System.err.println("drizzle server: " + e.getMessage());
                return 1;
            }
        }
        return runHost(rawArgs, System.out, System.err, System.getenv(), (format, engine, readsStdin, engineFirst) -> {
            HostSession host = new HostSession(TerminalUi.system(), System.out, System.err, format, engine, engineFirst);
            CtrlC.install(host.runner());
            return host;
        });
    }

    /**
     * The host modes (all but {@code service} and {@code server}): parses the options and runs the
     * profile, then -Command, -File, a script path or a command line, else stdin or the REPL.
     * Relative script paths are resolved against the session's location; {@code env} is the
     * caller's environment (it locates the profile). The quick path runs requests through this too.
     *
     * @return the exit code, or {@link #DECLINED} when {@code sessions} gave no session
     */
    public static int runHost(String[] rawArgs, PrintStream out, PrintStream err, Map<String, String> env,
                              SessionFactory sessions) {
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setStripLeadingAndTrailingQuotes(false).get().parse(options(), normalise(rawArgs), true);
        } catch (ParseException e) {
            err.println("drizzle: " + e.getMessage() + " (see drizzle --help)");
            return 2;
        }
        if (cl.hasOption("help")) {
            printHelp(out);
            return 0;
        }
        if (cl.hasOption("version")) {
            out.println("Drizzle " + VERSION + " (Java " + System.getProperty("java.version") + ", Nashorn 15.7)");
            return 0;
        }
        ConsoleOutput.Format format;
        EngineMode engine;
        try {
            format = parseFormat(cl.getOptionValue("OutputFormat", "Text"));
            engine = EngineMode.parse(cl.getOptionValue("Engine"));
        } catch (IllegalArgumentException e) {
            err.println("drizzle: " + e.getMessage());
            return 2;
        }
        List<String> rest = new ArrayList<>(cl.getArgList());
        String file = cl.getOptionValue("File");
        if (file == null && !cl.hasOption("Command") && !rest.isEmpty() && isScriptPath(rest.get(0))) {
            file = rest.remove(0);
        }
        boolean readsStdin = cl.hasOption("Command") ? cl.getOptionValue("Command").equals("-") : file == null && rest.isEmpty();
        boolean engineFirst = file == null && !cl.hasOption("Command") && CommandLineArguments.oneBitsCmdlet(rest)
                && (cl.hasOption("NoProfile") || !Files.isRegularFile(profile(env)));
        HostSession opened = sessions.open(format, engine, readsStdin, engineFirst);
        if (opened == null) {
            return DECLINED;
        }
        try (HostSession host = opened) {
            if (!cl.hasOption("NoProfile")) {
                runProfile(host, env, err);
            }
            if (cl.hasOption("Command")) {
                String text = cl.getOptionValue("Command");
                if (text.equals("-")) {
                    text = readStdin();
                }
                if (!rest.isEmpty()) {
                    text = text + " " + CommandLineArguments.commandLine(rest);
                }
                return host.run(text, "<command>", false, List.of());
            }
            if (file != null) {
                return runFile(host, file, rest, err);
            }
            if (!rest.isEmpty()) {
                return host.run(CommandLineArguments.commandLine(rest), "<command>", false, List.of());
            }
            if (System.console() == null) {
                return host.run(readStdin(), "<stdin>", false, List.of());
            }
            return new Repl(host).run();
        }
    }

    private static boolean isScriptPath(String a) {
        String l = a.toLowerCase(Locale.ROOT);
        return (l.endsWith(".ps1") || l.endsWith(".js")) && !a.contains(" ");
    }

    private static int runFile(HostSession host, String file, List<String> args, PrintStream err) {
        Path p = host.session().location().resolve(file);
        String source;
        try {
            source = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("drizzle: cannot read the script '" + file + "': " + e.getMessage());
            return 1;
        }
        if (file.toLowerCase(Locale.ROOT).endsWith(".js")) {
            return JsScripts.run(host, source, p.toAbsolutePath().toString(), args);
        }
        return host.run(source, p.toAbsolutePath().toString(), true, CommandLineArguments.toArguments(args));
    }

    /** The profile script, run before the command unless -NoProfile. */
    private static Path profile(Map<String, String> env) {
        String config = env.get("XDG_CONFIG_HOME");
        return (config != null && !config.isBlank() ? Path.of(config) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("drizzle").resolve("profile.ps1");
    }

    private static void runProfile(HostSession host, Map<String, String> env, PrintStream err) {
        Path profile = profile(env);
        if (Files.isRegularFile(profile)) {
            try {
                host.run(Files.readString(profile), profile.toString(), false, List.of());
            } catch (IOException e) {
                err.println("drizzle: cannot read the profile " + profile + ": " + e.getMessage());
            }
        }
    }

    private static ConsoleOutput.Format parseFormat(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "text" -> ConsoleOutput.Format.TEXT;
            case "json" -> ConsoleOutput.Format.JSON;
            default -> throw new IllegalArgumentException("-OutputFormat '" + text + "' is not one of Text, Json.");
        };
    }

    private static String readStdin() {
        try {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void printHelp(PrintStream out) {
        PrintWriter w = new PrintWriter(out);
        new HelpFormatter().printHelp(w, 100, "drizzle [options] [<command line> | <script.ps1|script.js> [args]]",
                "Background file transfers with PowerShell's BitsTransfer commands.\n"
                        + "With no arguments: an interactive shell (Get-Help <command> for help).\n\n",
                options(), 2, 4, "\nExamples:\n  drizzle Start-BitsTransfer -Source https://example.com/f.iso -Destination ./f.iso\n"
                        + "  drizzle -Command 'Get-BitsTransfer | Where-Object JobState -eq Error | Remove-BitsTransfer'\n"
                        + "  drizzle nightly.ps1 -MaxAgeDays 7\n  drizzle bitsadmin /list /allusers\n  drizzle service status\n  drizzle server --root /srv/bits --port 8080", false);
        w.flush();
    }
}
