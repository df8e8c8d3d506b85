package org.drizzle.engine.service;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.LoggedOnRunCondition;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.metrics.NotifyRunCounts;
import org.drizzle.engine.notify.SystemEvent;
import org.drizzle.engine.notify.SystemLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Drizzle service: the engine shared by every user of the machine (or, in user mode, by
 * one user's processes), reached over a local socket.
 *
 * <p>States: NEW → STARTING → RUNNING → STOPPING → TERMINATED, or FAILED if start-up fails.
 * {@link #start()} builds, in order: system log, authorizer, impersonator, session monitor,
 * engine (through {@link LocalEngineHost}, i.e. EngineAssembly, with its system-log journal and
 * notify runner), transport, then the {@link ServiceExtension}s found on the class path (the
 * host's quick path). {@link #stop()} takes them down in reverse with a time limit per step and
 * logs any step that overran: first no new callers, then the engine (no new notify programs,
 * then every transfer stops at a durable point).
 */
public final class DrizzleService {
    private static final Logger LOG = LoggerFactory.getLogger(DrizzleService.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private final ServiceConfig config;
    private final EngineHostFactory engines;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile ServiceState state = ServiceState.NEW;

    private SystemLog systemLog;
    private SessionMonitor sessions;
    private EngineHost engine;
    private EngineClient internal;
    private ServiceTransport transport;
    private final List<ServiceExtension.Running> extensions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private IdleWatch idle;

    public DrizzleService(ServiceConfig config, EngineHostFactory engines) {
        this.config = config;
        this.engines = engines;
    }

    public ServiceState state() {
        return state;
    }

    public ServiceConfig config() {
        return config;
    }

    /** Starts every part; on failure stops what started and ends FAILED. */
    public synchronized void start() throws IOException {
        if (state != ServiceState.NEW) {
            throw new IllegalStateException("The service is " + state + "; only a NEW service can start.");
        }
        state = ServiceState.STARTING;
        try {
            Files.createDirectories(config.storeDir());
            systemLog = PlatformBackends.systemLog(config.syslogSocket());
            systemLog = config.metrics().enabled() ? new NotifyRunCounts(systemLog) : systemLog;
            Authorizer authorizer = new Authorizer(config.adminGroups(),
                    message -> systemLog.record(SystemEvent.ACCESS_REFUSED, null, message));
            OwnerUmasks umasks = OwnerUmasks.system();
            Impersonator impersonator = PlatformBackends.impersonator(umasks);
            sessions = PlatformBackends.sessionMonitor(config.sessionSource(), config.sessionFile(), config.sessionPoll(),
                    config.serviceAccounts(), config.allowWithoutSession());
            List<RunCondition> conditions = List.of(new LoggedOnRunCondition(sessions));
            ServiceContext context = new ServiceContext(config, impersonator, sessions, conditions, authorizer, systemLog);
            engine = engines.open(context);
            Principal self = Principal.current();
            internal = engine.clientFor(new Principal(self.uid(), self.gid(), self.name(), true));
            transport = PlatformBackends.transport(config, authorizer, umasks, control());
            transport.start(engine);
            extensions.addAll(ServiceExtension.startAll(context, engine));
            if (config.mode() == ServiceMode.USER && config.idleExit() != null) {
                idle = new IdleWatch(config.idleExit(), withExtensionClients(transport), internal, this::stop);
            }
            state = ServiceState.RUNNING;
            LOG.info("Drizzle service running ({} mode, store {}, socket {})", config.mode(), config.storeDir(),
                    transport.address());
        } catch (IOException | RuntimeException e) {
            LOG.error("The Drizzle service failed to start: {}", e.toString());
            shutDownParts();
            state = ServiceState.FAILED;
            terminated.countDown();
            throw e;
        }
    }

    /** The transport as the idle watch sees it: extension clients (a quick-path run) count too. */
    private ServiceTransport withExtensionClients(ServiceTransport t) {
        return new ServiceTransport() {
            @Override
            public void start(EngineHost host) throws IOException {
                t.start(host);
            }

            @Override
            public int connections() {
                return t.connections() + extensions.stream().mapToInt(ServiceExtension.Running::connections).sum();
            }

            @Override
            public String address() {
                return t.address();
            }

            @Override
            public void close() {
                t.close();
            }
        };
    }

    private ServiceControl control() {
        long uid = Principal.current().uid();
        return new ServiceControl() {
            @Override
            public Map<String, Object> status() {
                return DrizzleService.this.status();
            }

            @Override
            public void requestStop() {
                Thread t = new Thread(DrizzleService.this::stop, "drizzle-stop-request");
                t.start();
            }

            @Override
            public long serviceUid() {
                return uid;
            }
        };
    }

    /** What `drizzle service status` shows. */
    public Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("state", state.name());
        s.put("mode", config.mode().name());
        s.put("pid", ProcessHandle.current().pid());
        s.put("socket", transport == null ? config.socket().toString() : transport.address());
        s.put("store", config.storeDir().toString());
        s.put("protocol", Protocol.VERSION);
        return s;
    }

    /** Stops in order; idempotent. Transfers stop at a durable point; jobs resume at next start. */
    public void stop() {
        synchronized (this) {
            if (state.isTerminal() || state == ServiceState.STOPPING) {
                return;
            }
            state = ServiceState.STOPPING;
        }
        shutDownParts();
        state = ServiceState.TERMINATED;
        terminated.countDown();
        LOG.info("Drizzle service stopped");
    }

    private void shutDownParts() {
        step("stop the idle watch", idle);
        for (ServiceExtension.Running x : extensions) {
            step("stop extension", x);
        }
        extensions.clear();
        step("stop accepting clients", transport);
        step("close internal client", internal);
        step("stop transfers at a durable point", engine);
        step("stop session monitor", sessions);
        step("close system log", systemLog);
    }

    /** Runs one shutdown step with a time limit; an overrun is logged and the next step goes on. */
    private static void step(String name, AutoCloseable part) {
        if (part == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Shutdown step '{}' failed: {}", name, e.toString());
            }
        }, "drizzle-stop");
        t.setDaemon(true);
        t.start();
        try {
            t.join(STEP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("Shutdown step '{}' overran {} s; going on", name, STEP_TIMEOUT.toSeconds());
        }
    }

    /** SIGTERM/SIGINT (the JVM's shutdown hook) stop the service cleanly. */
    public void stopOnSignal() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "drizzle-sigterm"));
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
