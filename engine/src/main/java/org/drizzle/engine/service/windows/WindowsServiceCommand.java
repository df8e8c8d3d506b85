package org.drizzle.engine.service.windows;

import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.notify.windows.WindowsCommandLine;

/**
 * {@code drizzle service install|uninstall|start|stop [--name NAME] [--store DIR] [--config DIR]
 * [--socket PIPE]}: the machine service in the Windows Service Control Manager. install
 * registers this Java and class path running {@link WindowsServiceMain} as LocalSystem,
 * starting automatically; stop goes through the SCM when the service is installed there.
 */
public final class WindowsServiceCommand {
    private static final Set<String> SCM_ONLY = Set.of("install", "uninstall", "start");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private WindowsServiceCommand() {
    }

    /**
     * Whether this command is for the SCM: install, uninstall and start always; stop on Windows
     * when the machine service (or --name) is installed there and neither --user nor --socket is given.
     */
    public static boolean handles(String[] args) {
        if (args.length == 0) {
            return false;
        }
        if (SCM_ONLY.contains(args[0])) {
            return true;
        }
        if (!args[0].equals("stop") || !Platform.isWindows()) {
            return false;
        }
        List<String> list = Arrays.asList(args);
        if (list.contains("--user") || list.contains("--socket")) {
            return false;
        }
        try {
            return list.contains("--name") || new ScmService(WindowsServiceOptions.DEFAULT_NAME).state() != ScmService.NOT_INSTALLED;
        } catch (IOException e) {
            return false;
        }
    }

    /** Exit code: 0 done, 1 the SCM refused (message says why), 2 usage or not Windows. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (!Platform.isWindows()) {
            err.println("drizzle service " + args[0] + " manages the Windows service. On Linux the machine service is the systemd"
                    + " unit drizzle.service (systemctl enable --now drizzle), or run it with drizzle service run --machine.");
            return 2;
        }
        WindowsServiceOptions options;
        try {
            options = WindowsServiceOptions.parse(args, args[0].equals("stop") ? skipMachine(args) : 1);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        ScmService scm = new ScmService(options.name());
        try {
            switch (args[0]) {
                case "install" -> {
                    List<String> command = command(options);
                    scm.install(new ScmService.Spec(options.name(), "Drizzle (background transfers)",
                            "Transfers files in the background for every user of this machine (a BITS re-creation).", command));
                    out.println("Installed the Windows service '" + options.name() + "' (LocalSystem, automatic start): "
                            + WindowsCommandLine.join(command));
                    out.println("Start it now with: drizzle service start" + nameOption(options));
                }
                case "uninstall" -> {
                    scm.uninstall(WAIT);
                    out.println("Removed the Windows service '" + options.name() + "'. Its jobs stay in " + options.store() + ".");
                }
                case "start" -> {
                    scm.start(WAIT);
                    out.println("The Windows service '" + options.name() + "' is running (pid " + scm.status().dwProcessId + ").");
                }
                default -> {
                    scm.stop(WAIT);
                    out.println("The Windows service '" + options.name() + "' has stopped.");
                }
            }
            return 0;
        } catch (IOException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    /** stop's options minus --machine, which means the SCM's service anyway. */
    private static int skipMachine(String[] args) {
        return args.length > 1 && args[1].equals("--machine") ? 2 : 1;
    }

    private static String nameOption(WindowsServiceOptions options) {
        return options.name().equals(WindowsServiceOptions.DEFAULT_NAME) ? "" : " --name " + options.name();
    }

    /** This Java running WindowsServiceMain with this class path (made absolute: the SCM starts in System32). */
    static List<String> command(WindowsServiceOptions options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString());
        // As bin/drizzle: the bandwidth estimator reads socket internals; a service's heap stays small.
        cmd.add("-Xss4m");
        cmd.addAll(EngineAssembly.JVM_OPTIONS);
        cmd.addAll(EngineAssembly.SERVICE_HEAP_OPTIONS);
        cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        cmd.add("-Dorg.slf4j.simpleLogger.logFile=" + WindowsServiceOptions.logFile());
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                classPath.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), WindowsServiceMain.class.getName()));
        cmd.addAll(options.toArgs());
        return cmd;
    }
}
