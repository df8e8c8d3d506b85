package org.drizzle.host.quick;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.ServiceConfig;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.WireLimits;
import org.drizzle.host.HostSession;
import org.drizzle.host.Main;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.engine.EngineMode;
import org.drizzle.host.runtime.ConsoleOutput;
import org.drizzle.host.runtime.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One quick-path request inside the service: reads it, then either declines (a FALLBACK frame;
 * the client runs the full host) or runs it as {@code drizzle <args>} would, through
 * {@link Main#runHost}, in a fresh {@link HostSession} on the service's engine, in the caller's
 * working directory and environment, with output sent back as frames. A cancel frame (Ctrl+C)
 * or the client hanging up stops the command as Ctrl+C does in the full host.
 */
final class QuickRun {
    private static final Logger LOG = LoggerFactory.getLogger(QuickRun.class);

    /** The first frame within 5 s, any begun frame within 10 s (the same uid, but still a socket anyone can reach). */
    private static final WireLimits LIMITS = new WireLimits(QuickProtocol.MAX_FRAME, Duration.ofSeconds(5), Duration.ofSeconds(10));

    private final SocketChannel channel;
    private final Principal caller;
    private final EngineHost engine;
    /** Written only by its own thread: Ctrl+C interrupts the command's thread, which must not close the socket. */
    private final FramedConnection wire;
    private volatile HostSession session;
    private volatile boolean stopRequested;

    QuickRun(SocketChannel channel, Principal caller, EngineHost engine) throws IOException {
        this.channel = channel;
        this.caller = caller;
        this.engine = engine;
        this.wire = new FramedConnection(channel, LIMITS, 256, "drizzle-quick");
    }

    /**
     * Serves the connection to its end.
     *
     * @param runner the one-at-a-time gate; a request that finds it taken is declined
     * @param token what the client's first frame must carry (else nothing runs)
     * @param serviceToken what the service shows after its version (the client's proof that this is its service)
     */
    void serve(QuickServer.Gate runner, byte[] token, byte[] serviceToken) throws IOException {
        try {
            serveOn(runner, token, serviceToken);
        } finally {
            wire.close();
        }
    }

    private void serveOn(QuickServer.Gate runner, byte[] token, byte[] serviceToken) throws IOException {
        wire.send(QuickProtocol.serviceHello(serviceToken));
        byte[] f = wire.read();
        if (f == null) {
            return; // a client that found the service is not its user's, or one that only probed
        }
        boolean auth = f.length > 0 && f[0] == QuickProtocol.AUTH;
        if (!auth || !MessageDigest.isEqual(QuickProtocol.payload(f), token)) {
            LOG.warn("Quick path: refused a connection from {}: {}", channel.getRemoteAddress(),
                    auth ? "wrong token" : "its first frame is not the token");
            return;
        }
        f = wire.read();
        if (f == null || f.length == 0 || f[0] != QuickProtocol.REQUEST) {
            return;
        }
        QuickRequest request = QuickRequest.decode(QuickProtocol.payload(f));
        String declined = declinedBeforeParsing(request);
        if (declined != null) {
            decline(declined);
            return;
        }
        if (!runner.tryEnter()) {
            decline("another quick-path command is running");
            return;
        }
        try {
            watchForCancel();
            int code = run(request);
            if (code == Main.DECLINED) {
                LOG.debug("Quick path declined: the command needs the full host (stdin, or another engine)");
                wire.send(QuickProtocol.frame(QuickProtocol.FALLBACK));
            } else {
                byte[] exit = ByteBuffer.allocate(4).putInt(code).array();
                wire.send(QuickProtocol.frame(QuickProtocol.EXIT, exit, 0, 4));
            }
            wire.flush(30_000);
        } finally {
            runner.leave();
        }
    }

    /** Declines what cannot look the same as the full host whatever the arguments say. */
    static String declinedBeforeParsing(QuickRequest r) {
        if (r.args().isEmpty()) {
            return "no arguments (the REPL)";
        }
        String first = r.args().get(0);
        if (first.equalsIgnoreCase("service") || first.equalsIgnoreCase("server")) {
            return "the '" + first + "' subcommand";
        }
        // TerminalUi takes NO_COLOR from this process: only serve callers who agree with it
        if ((r.env().get("NO_COLOR") == null) != (System.getenv("NO_COLOR") == null)) {
            return "NO_COLOR differs from the service's";
        }
        if (!Path.of(r.cwd()).isAbsolute() || !Files.isDirectory(Path.of(r.cwd()))) {
            return "working directory '" + r.cwd() + "' is not a folder";
        }
        return null;
    }

    private void decline(String why) throws IOException {
        LOG.debug("Quick path declined: {}", why);
        wire.send(QuickProtocol.frame(QuickProtocol.FALLBACK));
        wire.flush(5_000);
    }

    private int run(QuickRequest r) {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FrameOutputStream(wire, QuickProtocol.STDOUT), 8192),
                true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new BufferedOutputStream(new FrameOutputStream(wire, QuickProtocol.STDERR), 8192),
                true, StandardCharsets.UTF_8);
        try {
            return Main.runHost(r.args().toArray(String[]::new), out, err, r.env(), (format, mode, readsStdin, engineFirst) -> {
                if (readsStdin || !servesEngine(mode, r.env())) {
                    return null;
                }
                return open(r, out, err, format);
            });
        } catch (RuntimeException e) {
            LOG.warn("Quick-path command {} failed: {}", LogText.of(r.args()), LogText.of(e.toString()));
            err.println("drizzle: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** This service's engine is the one the full host would pick: -Engine User, or Auto with no machine service. */
    static boolean servesEngine(EngineMode mode, Map<String, String> env) {
        if (mode == EngineMode.USER) {
            return true;
        }
        if (mode != EngineMode.AUTO) {
            return false;
        }
        String home = env.get("DRIZZLE_HOME");
        Path machine = home != null && !home.isBlank() ? Path.of(home).resolve("machine.sock") : ServiceConfig.machineSocket();
        return !Files.exists(machine);
    }

    private HostSession open(QuickRequest r, PrintStream out, PrintStream err, ConsoleOutput.Format format) {
        try {
            wire.send(QuickProtocol.frame(QuickProtocol.STARTED));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("The quick-path client went away", e);
        }
        TerminalUi ui = new TerminalUi(out, err, r.interactive());
        String columns = r.env().get("COLUMNS");
        ui.setWidth(columns != null && columns.matches("\\d{1,5}") ? Integer.parseInt(columns) : 120);
        HostSession host = new HostSession(ui, out, err, format, () -> engine.clientFor(caller));
        host.session().setLocation(Path.of(r.cwd()));
        host.session().detachFromProcessConsole();
        useEnvironment(host.session(), r.env());
        session = host;
        if (stopRequested) {
            host.runner().stop();
        }
        return host;
    }

    /** $env: and native commands see the caller's environment, not the service's. */
    static void useEnvironment(Session session, Map<String, String> caller) {
        Map<String, String> own = System.getenv();
        for (String name : own.keySet()) {
            if (!caller.containsKey(name)) {
                session.setEnv(name, null);
            }
        }
        caller.forEach((name, value) -> {
            if (!value.equals(own.get(name))) {
                session.setEnv(name, value);
            }
        });
    }

    /** A cancel frame, or the client hanging up, stops the command as Ctrl+C does. */
    private void watchForCancel() {
        Thread t = new Thread(() -> {
            try {
                byte[] f;
                while ((f = wire.read()) != null) {
                    if (f.length > 0 && f[0] == QuickProtocol.CANCEL) {
                        stop();
                    }
                }
            } catch (IOException e) {
                // the client went away or this run ended: stop whatever still runs
            }
            stop();
        }, "drizzle-quick-cancel");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the running command (cancel frame, client gone, or the service stopping). */
    void stop() {
        stopRequested = true;
        HostSession s = session;
        if (s != null && !s.runner().isStopping()) {
            s.runner().stop();
        }
    }
}
