package org.drizzle.engine.service.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a body as a Windows service in this very process: StartServiceCtrlDispatcher connects
 * to the Service Control Manager, whose ServiceMain call registers a control handler
 * (RegisterServiceCtrlHandlerEx) and reports START_PENDING, RUNNING, STOP_PENDING (with a
 * checkpoint every second) and STOPPED through SetServiceStatus. STOP, SHUTDOWN and PRESHUTDOWN
 * stop the body; INTERROGATE is answered; the body ending on its own (e.g. `drizzle service
 * stop` over the pipe) stops the service too.
 */
public final class WindowsServiceHost {
    private static final Logger LOG = LoggerFactory.getLogger(WindowsServiceHost.class);
    private static final int NO_ERROR = 0;
    private static final int ERROR_CALL_NOT_IMPLEMENTED = 120;
    private static final int ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063;
    private static final int ERROR_SERVICE_SPECIFIC_ERROR = 1066;
    /** Service-specific exit code: the body failed to start. */
    public static final int START_FAILED = 1;
    private static final int ACCEPTED = Winsvc.SERVICE_ACCEPT_STOP | Winsvc.SERVICE_ACCEPT_SHUTDOWN
            | Winsvc.SERVICE_ACCEPT_PRESHUTDOWN;

    /** What the service does: start (returns once serving), stop, and whether it ended by itself. */
    public interface Body {
        void start() throws Exception;

        /** Stops the body; {@code why} names the SCM control ("stop", "shutdown", "preshutdown"). */
        void stop(String why);

        boolean awaitTermination(Duration timeout) throws InterruptedException;
    }

    private final String name;
    private final Body body;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile String stopReason = "stop";
    private volatile Winsvc.SERVICE_STATUS_HANDLE statusHandle;
    private volatile int state = Winsvc.SERVICE_START_PENDING;
    private int checkPoint;
    private volatile int exitCode = NO_ERROR;
    // Held in fields: JNA callbacks must stay reachable while the SCM may call them.
    private final Winsvc.SERVICE_MAIN_FUNCTION serviceMain = this::serviceMain;
    private final Winsvc.HandlerEx handler = this::control;

    private WindowsServiceHost(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    /**
     * Serves {@code body} as the service {@code name} until the SCM stops it. Returns 0 after a
     * clean stop, 1 when the body failed to start, or 2 when this process was not started by the
     * Service Control Manager (then nothing ran).
     */
    public static int run(String name, Body body) {
        return new WindowsServiceHost(name, body).dispatch();
    }

    private int dispatch() {
        Winsvc.SERVICE_TABLE_ENTRY[] table = (Winsvc.SERVICE_TABLE_ENTRY[]) new Winsvc.SERVICE_TABLE_ENTRY().toArray(2);
        table[0].lpServiceName = name;
        table[0].lpServiceProc = serviceMain;
        table[0].write();
        if (!Advapi32.INSTANCE.StartServiceCtrlDispatcher(table)) {
            int error = Kernel32.INSTANCE.GetLastError();
            if (error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT) {
                return 2;
            }
            LOG.error("StartServiceCtrlDispatcher failed (error {})", error);
            return 1;
        }
        return exitCode == NO_ERROR ? 0 : 1;
    }

    /** The SCM's ServiceMain, on a thread of the dispatcher's; returning ends the service. */
    private void serviceMain(int argc, Pointer argv) {
        statusHandle = Advapi32.INSTANCE.RegisterServiceCtrlHandlerEx(name, handler, null);
        if (statusHandle == null) {
            LOG.error("RegisterServiceCtrlHandlerEx failed (error {})", Kernel32.INSTANCE.GetLastError());
            return;
        }
        report(Winsvc.SERVICE_START_PENDING, 30_000);
        try {
            try {
                body.start();
            } catch (Throwable e) { // anything, even a ServiceConfigurationError: the SCM must hear of it
                LOG.error("The Drizzle service {} could not start", name, e);
                exitCode = ERROR_SERVICE_SPECIFIC_ERROR;
                return;
            }
            report(Winsvc.SERVICE_RUNNING, 0);
            awaitStop();
            stopBody();
        } finally {
            report(Winsvc.SERVICE_STOPPED, 0);
        }
    }

    private void awaitStop() {
        try {
            while (!stopRequested.await(1, TimeUnit.SECONDS)) {
                if (body.awaitTermination(Duration.ZERO)) {
                    LOG.info("The Drizzle service {} ended by itself", name);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the body on another thread, telling the SCM it is still busy once a second. */
    private void stopBody() {
        report(Winsvc.SERVICE_STOP_PENDING, 5_000);
        Thread stopper = new Thread(() -> body.stop(stopReason), "drizzle-scm-stop");
        stopper.start();
        try {
            while (!body.awaitTermination(Duration.ofSeconds(1)) || stopper.isAlive()) {
                report(Winsvc.SERVICE_STOP_PENDING, 5_000);
                stopper.join(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** HandlerEx: the SCM's control codes, on the dispatcher's thread; returns at once. */
    private int control(int code, int eventType, Pointer eventData, Pointer context) {
        String why = switch (code) {
            case Winsvc.SERVICE_CONTROL_STOP -> "stop";
            case Winsvc.SERVICE_CONTROL_SHUTDOWN -> "shutdown";
            case Winsvc.SERVICE_CONTROL_PRESHUTDOWN -> "preshutdown";
            default -> null;
        };
        if (why != null) {
            LOG.info("The Service Control Manager sent {} to {}", why, name);
            if (stopRequested.getCount() > 0) {
                stopReason = why;
                stopRequested.countDown();
            }
            report(Winsvc.SERVICE_STOP_PENDING, 5_000);
            return NO_ERROR;
        }
        if (code == Winsvc.SERVICE_CONTROL_INTERROGATE) {
            return NO_ERROR;
        }
        return ERROR_CALL_NOT_IMPLEMENTED;
    }

    private synchronized void report(int newState, int waitHintMs) {
        if (state == Winsvc.SERVICE_STOPPED) {
            return;
        }
        state = newState;
        Winsvc.SERVICE_STATUS s = new Winsvc.SERVICE_STATUS();
        s.dwServiceType = WinNT.SERVICE_WIN32_OWN_PROCESS;
        s.dwCurrentState = newState;
        s.dwControlsAccepted = newState == Winsvc.SERVICE_RUNNING ? ACCEPTED : 0;
        s.dwWin32ExitCode = exitCode;
        s.dwServiceSpecificExitCode = exitCode == ERROR_SERVICE_SPECIFIC_ERROR ? START_FAILED : 0;
        boolean pending = newState == Winsvc.SERVICE_START_PENDING || newState == Winsvc.SERVICE_STOP_PENDING;
        s.dwCheckPoint = pending ? ++checkPoint : 0;
        s.dwWaitHint = waitHintMs;
        if (!Advapi32.INSTANCE.SetServiceStatus(statusHandle, s)) {
            LOG.warn("SetServiceStatus({}) failed (error {})", newState, Kernel32.INSTANCE.GetLastError());
        }
    }
}
