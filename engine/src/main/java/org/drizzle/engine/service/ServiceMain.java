package org.drizzle.engine.service;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.service.windows.WindowsServiceCommand;

/**
 * {@code drizzle service run|stop|status}: runs the service in the foreground (systemd's
 * Type=simple; SIGTERM stops it cleanly) or talks to a running one.
 *
 * <pre>
 * run    [--machine | --user] [--socket PATH] [--store DIR] [--config DIR]
 *        [--session-source auto|logind|utmp|none] [--session-file PATH] [--idle-exit SECONDS]
 * stop   [--machine | --user] [--socket PATH]
 * status [--machine | --user] [--socket PATH]
 * </pre>
 * install|uninstall|start (and stop of an installed one) manage the Windows service:
 * {@link WindowsServiceCommand}.
 * Without --machine/--user: machine mode for root, user mode for anyone else; but root's
 * {@code stop} must name its target (it stops nothing and lists the running services otherwise).
 * DRIZZLE_HOME, as
 * for the host, moves the default socket, store and config folder under one folder.
 */
public final class ServiceMain {
    private ServiceMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Exit code: 0 success, 1 failure, 2 usage, 3 no service (status/stop). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (WindowsServiceCommand.handles(args)) {
            return WindowsServiceCommand.run(args, out, err);
        }
        if (args.length == 0 || !Map.of("run", 1, "stop", 1, "status", 1).containsKey(args[0])) {
            err.println("usage: drizzle service run|stop|status [--machine|--user] [--socket PATH] [--store DIR] [--config DIR]"
                    + " [--session-source auto|logind|utmp|none] [--session-file PATH] [--idle-exit SECONDS]");
            err.println("       drizzle service install|uninstall|start|stop [--name NAME] [--store DIR] [--config DIR]"
                    + " [--socket PIPE]   (the Windows service)");
            return 2;
        }
        ServiceConfig config;
        try {
            config = configFrom(args);
        } catch (IllegalArgumentException | IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (args[0].equals("run")) {
            return runService(config, err);
        }
        boolean stop = args[0].equals("stop");
        if (stop && config.mode() == ServiceMode.MACHINE && !explicit(args)) {
            return refuseAmbiguousStop(config, args, out, err);
        }
        int rc = control(config, stop, out, err);
        if (rc == 3 && config.mode() == ServiceMode.MACHINE && !explicit(args)) {
            // as for the host: no machine service, so try this user's service
            try {
                rc = control(configFrom(with(args, "--user")), stop, out, err);
            } catch (IOException e) {
                err.println(e.getMessage());
                return 2;
            }
        }
        if (rc == 3) {
            out.println("No Drizzle service answers on " + config.socket() + ".");
        }
        return rc;
    }

    /**
     * Root without --machine/--user/--socket could mean the machine service or root's own per-user
     * service: stopping the one that happens to answer once stopped every user's transfers when
     * root meant its own (issue 13 item 11). So nothing is stopped; the services that run are named.
     */
    private static int refuseAmbiguousStop(ServiceConfig machine, String[] args, PrintStream out, PrintStream err) {
        List<String> running = new ArrayList<>();
        try {
            for (ServiceConfig c : List.of(machine, configFrom(with(args, "--user")))) {
                try (RemoteEngine remote = RemoteEngine.connect(c.socket())) {
                    Map<String, Object> status = remote.serviceStatus();
                    running.add("the " + String.valueOf(status.get("mode")).toLowerCase(java.util.Locale.ROOT)
                            + " service (pid " + status.get("pid") + ") on " + c.socket());
                } catch (IOException | BitsException e) {
                    // not running there
                }
            }
        } catch (IOException e) {
            err.println(e.getMessage());
            return 2;
        }
        err.println("drizzle service stop: as root, say which service to stop: --machine (every user's transfers) or"
                + " --user (root's own). Nothing was stopped.");
        out.println(running.isEmpty() ? "No Drizzle service is running." : "Running: " + String.join("; ", running) + ".");
        return 2;
    }

    static ServiceConfig configFrom(String[] args) throws IOException {
        ServiceMode mode = Principal.current().uid() == 0 ? ServiceMode.MACHINE : ServiceMode.USER;
        Path socket = null;
        Path store = null;
        Path conf = null;
        String sessionSource = null;
        Path sessionFile = null;
        Duration idleExit = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--machine" -> mode = ServiceMode.MACHINE;
                case "--user" -> mode = ServiceMode.USER;
                case "--socket" -> socket = Path.of(value(args, ++i, a));
                case "--store" -> store = Path.of(value(args, ++i, a));
                case "--config" -> conf = Path.of(value(args, ++i, a));
                case "--session-source" -> sessionSource = value(args, ++i, a);
                case "--session-file" -> sessionFile = Path.of(value(args, ++i, a));
                case "--idle-exit" -> idleExit = Duration.ofSeconds(seconds(value(args, ++i, a), a));
                default -> throw new IllegalArgumentException("Unknown option '" + a + "' for drizzle service " + args[0] + ".");
            }
        }
        ServiceConfig c = homeDefaults(ServiceConfig.defaults(mode), System.getenv("DRIZZLE_HOME"));
        c = c.withPaths(store != null ? store : c.storeDir(), socket != null ? socket : c.socket(),
                conf != null ? conf : c.configDir()).withFileSettings();
        if (sessionSource != null || sessionFile != null) {
            c = c.withSessions(sessionSource != null ? sessionSource : c.sessionSource(),
                    sessionFile != null ? sessionFile : c.sessionFile(), c.allowWithoutSession());
        }
        if (idleExit != null) {
            c = c.withIdleExit(idleExit.isZero() ? null : idleExit);
        }
        if (!java.util.Set.of("auto", "logind", "utmp", "none").contains(c.sessionSource())) {
            throw new IllegalArgumentException("--session-source '" + c.sessionSource() + "' is not one of auto, logind, utmp, none.");
        }
        return c;
    }

    /**
     * {@code DRIZZLE_HOME} moves every location under one folder, with the host's names
     * (machine.sock, user.sock, store), so experiments never touch the real service or jobs.
     */
    static ServiceConfig homeDefaults(ServiceConfig c, String home) {
        if (home == null || home.isBlank()) {
            return c;
        }
        Path h = Path.of(home).toAbsolutePath();
        return c.mode() == ServiceMode.MACHINE
                ? c.withPaths(h.resolve("machine-store"), h.resolve("machine.sock"), h.resolve("etc"))
                : c.withPaths(h.resolve("store"), h.resolve("user.sock"), h.resolve("etc"));
    }

    private static long seconds(String text, String option) {
        try {
            long v = Long.parseLong(text);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not a number of seconds (0 = never).");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static int runService(ServiceConfig config, PrintStream err) {
        DrizzleService service = new DrizzleService(config, LocalEngineHost.factory());
        try {
            service.start();
        } catch (IOException | RuntimeException e) {
            err.println("drizzle service: could not start: " + e.getMessage());
            return 1;
        }
        service.stopOnSignal();
        try {
            while (!service.awaitTermination(Duration.ofHours(1))) {
                // keep serving until stopped by a signal or `drizzle service stop`
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return service.state() == ServiceState.TERMINATED ? 0 : 1;
    }

    private static boolean explicit(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--machine") || a.equals("--user") || a.equals("--socket"));
    }

    private static String[] with(String[] args, String extra) {
        String[] more = Arrays.copyOf(args, args.length + 1);
        more[args.length] = extra;
        return more;
    }

    private static int control(ServiceConfig config, boolean stop, PrintStream out, PrintStream err) {
        try (RemoteEngine remote = RemoteEngine.connect(config.socket())) {
            Map<String, Object> status = stop ? remote.stopService() : remote.serviceStatus();
            if (stop) {
                out.println("Stopping the Drizzle service (pid " + status.get("pid") + ") on " + status.get("socket"));
            } else {
                status.forEach((k, v) -> out.printf("%-9s: %s%n", k, v));
            }
            return 0;
        } catch (BitsException e) {
            err.println("drizzle service " + (stop ? "stop" : "status") + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            return 3;
        }
    }
}
