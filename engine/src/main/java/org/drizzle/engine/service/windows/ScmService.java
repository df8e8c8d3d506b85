package org.drizzle.engine.service.windows;

import com.sun.jna.Structure;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.notify.windows.WindowsCommandLine;

/**
 * One Windows service in the Service Control Manager, through Advapi32: CreateService (own
 * process, automatic start, LocalSystem) with a description and a pre-shutdown time,
 * DeleteService, StartService, ControlService and QueryServiceStatusEx. Every failure is an
 * IOException that says what to do about it.
 */
public final class ScmService {
    /** SERVICE_STATUS.dwCurrentState for a service the SCM does not know. */
    public static final int NOT_INSTALLED = 0;
    private static final int ERROR_ACCESS_DENIED = 5;
    private static final int ERROR_SERVICE_DOES_NOT_EXIST = 1060;
    private static final int ERROR_SERVICE_NOT_ACTIVE = 1062;
    private static final int ERROR_SERVICE_EXISTS = 1073;
    private static final int ERROR_SERVICE_MARKED_FOR_DELETE = 1072;
    private static final int ERROR_SERVICE_ALREADY_RUNNING = 1056;
    private static final int ERROR_DUPLICATE_SERVICE_NAME = 1078;
    private static final int SC_STATUS_PROCESS_INFO = 0;
    /** Time the SCM gives the service at a system shutdown (the default is 10 s; BITS saves its jobs first). */
    static final int PRESHUTDOWN_TIMEOUT_MS = 30_000;

    /** What to register: the key name, what services.msc shows, and the command line the SCM runs. */
    public record Spec(String name, String displayName, String description, List<String> command) {
    }

    /** SERVICE_PRESHUTDOWN_INFO, which jna-platform does not declare. */
    @Structure.FieldOrder("dwPreshutdownTimeout")
    public static final class PreshutdownInfo extends Winsvc.ChangeServiceConfig2Info {
        public int dwPreshutdownTimeout;
    }

    private final String name;

    public ScmService(String name) {
        this.name = name;
    }

    /** Registers the service; it starts with Windows from the next boot (or {@link #start}). */
    public void install(Spec spec) throws IOException {
        Winsvc.SC_HANDLE scm = openScm(Winsvc.SC_MANAGER_ALL_ACCESS);
        try {
            Winsvc.SC_HANDLE svc = Advapi32.INSTANCE.CreateService(scm, spec.name(), spec.displayName(),
                    Winsvc.SERVICE_ALL_ACCESS, WinNT.SERVICE_WIN32_OWN_PROCESS, WinNT.SERVICE_AUTO_START,
                    WinNT.SERVICE_ERROR_NORMAL, WindowsCommandLine.join(spec.command()), null, null, null, null, null);
            if (svc == null) {
                throw failure("install", Kernel32.INSTANCE.GetLastError());
            }
            try {
                Winsvc.SERVICE_DESCRIPTION description = new Winsvc.SERVICE_DESCRIPTION();
                description.lpDescription = spec.description();
                describe(svc, Winsvc.SERVICE_CONFIG_DESCRIPTION, description);
                PreshutdownInfo preshutdown = new PreshutdownInfo();
                preshutdown.dwPreshutdownTimeout = PRESHUTDOWN_TIMEOUT_MS;
                describe(svc, Winsvc.SERVICE_CONFIG_PRESHUTDOWN_INFO, preshutdown);
            } finally {
                Advapi32.INSTANCE.CloseServiceHandle(svc);
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(scm);
        }
    }

    private void describe(Winsvc.SC_HANDLE svc, int level, Winsvc.ChangeServiceConfig2Info info) throws IOException {
        if (!Advapi32.INSTANCE.ChangeServiceConfig2(svc, level, info)) {
            throw failure("configure", Kernel32.INSTANCE.GetLastError());
        }
    }

    /** Stops the service if it runs, then removes it from the SCM. */
    public void uninstall(Duration stopWait) throws IOException {
        if (state() != Winsvc.SERVICE_STOPPED) {
            stop(stopWait);
        }
        withService(WinNT.DELETE, svc -> {
            if (!Advapi32.INSTANCE.DeleteService(svc)) {
                throw failure("uninstall", Kernel32.INSTANCE.GetLastError());
            }
        });
    }

    /** StartService, then waits until it runs; an IOException when it stops during start-up instead. */
    public void start(Duration wait) throws IOException {
        withService(Winsvc.SERVICE_START | Winsvc.SERVICE_QUERY_STATUS, svc -> {
            if (!Advapi32.INSTANCE.StartService(svc, 0, null)) {
                int error = Kernel32.INSTANCE.GetLastError();
                if (error != ERROR_SERVICE_ALREADY_RUNNING) {
                    throw failure("start", error);
                }
            }
            Winsvc.SERVICE_STATUS_PROCESS s = awaitSettled(svc, Winsvc.SERVICE_START_PENDING, wait);
            if (s.dwCurrentState != Winsvc.SERVICE_RUNNING) {
                throw new IOException("The Windows service '" + name + "' stopped while starting (exit code "
                        + s.dwWin32ExitCode + ", service-specific code " + s.dwServiceSpecificExitCode + ").");
            }
        });
    }

    /** ControlService(SERVICE_CONTROL_STOP), then waits until it has stopped. */
    public void stop(Duration wait) throws IOException {
        control(Winsvc.SERVICE_CONTROL_STOP, wait);
    }

    /** Sends {@code control} and waits until the service leaves STOP_PENDING; a stopped service is left alone. */
    public void control(int control, Duration wait) throws IOException {
        withService(Winsvc.SERVICE_STOP | Winsvc.SERVICE_QUERY_STATUS | Winsvc.SERVICE_USER_DEFINED_CONTROL, svc -> {
            Winsvc.SERVICE_STATUS status = new Winsvc.SERVICE_STATUS();
            if (!Advapi32.INSTANCE.ControlService(svc, control, status)) {
                int error = Kernel32.INSTANCE.GetLastError();
                if (error == ERROR_SERVICE_NOT_ACTIVE) {
                    return;
                }
                throw failure("stop", error);
            }
            Winsvc.SERVICE_STATUS_PROCESS s = awaitSettled(svc, Winsvc.SERVICE_STOP_PENDING, wait);
            if (s.dwCurrentState != Winsvc.SERVICE_STOPPED) {
                throw new IOException("The Windows service '" + name + "' did not stop within " + wait.toSeconds() + " s.");
            }
        });
    }

    /** SERVICE_RUNNING, SERVICE_STOPPED, ... or {@link #NOT_INSTALLED}. */
    public int state() throws IOException {
        Winsvc.SC_HANDLE scm = openScm(Winsvc.SC_MANAGER_CONNECT);
        try {
            Winsvc.SC_HANDLE svc = Advapi32.INSTANCE.OpenService(scm, name, Winsvc.SERVICE_QUERY_STATUS);
            if (svc == null) {
                int error = Kernel32.INSTANCE.GetLastError();
                if (error == ERROR_SERVICE_DOES_NOT_EXIST) {
                    return NOT_INSTALLED;
                }
                throw failure("query", error);
            }
            try {
                return status(svc).dwCurrentState;
            } finally {
                Advapi32.INSTANCE.CloseServiceHandle(svc);
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(scm);
        }
    }

    /** QueryServiceStatusEx: state, accepted controls, exit codes and process id. */
    public Winsvc.SERVICE_STATUS_PROCESS status() throws IOException {
        Winsvc.SERVICE_STATUS_PROCESS[] status = {null};
        withService(Winsvc.SERVICE_QUERY_STATUS, svc -> status[0] = status(svc));
        return status[0];
    }

    private interface ServiceWork {
        void run(Winsvc.SC_HANDLE svc) throws IOException;
    }

    private void withService(int access, ServiceWork work) throws IOException {
        Winsvc.SC_HANDLE scm = openScm(Winsvc.SC_MANAGER_CONNECT);
        try {
            Winsvc.SC_HANDLE svc = Advapi32.INSTANCE.OpenService(scm, name, access);
            if (svc == null) {
                throw failure("open", Kernel32.INSTANCE.GetLastError());
            }
            try {
                work.run(svc);
            } finally {
                Advapi32.INSTANCE.CloseServiceHandle(svc);
            }
        } finally {
            Advapi32.INSTANCE.CloseServiceHandle(scm);
        }
    }

    private static Winsvc.SERVICE_STATUS_PROCESS status(Winsvc.SC_HANDLE svc) throws IOException {
        Winsvc.SERVICE_STATUS_PROCESS s = new Winsvc.SERVICE_STATUS_PROCESS();
        if (!Advapi32.INSTANCE.QueryServiceStatusEx(svc, SC_STATUS_PROCESS_INFO, s, s.size(), new IntByReference())) {
            throw new IOException("QueryServiceStatusEx failed (error " + Kernel32.INSTANCE.GetLastError() + ").");
        }
        return s;
    }

    private static Winsvc.SERVICE_STATUS_PROCESS awaitSettled(Winsvc.SC_HANDLE svc, int pending, Duration wait)
            throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        Winsvc.SERVICE_STATUS_PROCESS s = status(svc);
        while (s.dwCurrentState == pending && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for the service");
            }
            s = status(svc);
        }
        return s;
    }

    private Winsvc.SC_HANDLE openScm(int access) throws IOException {
        Winsvc.SC_HANDLE scm = Advapi32.INSTANCE.OpenSCManager(null, null, access);
        if (scm == null) {
            throw failure("reach the Service Control Manager for", Kernel32.INSTANCE.GetLastError());
        }
        return scm;
    }

    private IOException failure(String action, int error) {
        String why = switch (error) {
            case ERROR_ACCESS_DENIED -> "access is denied; run it from an elevated (Run as administrator) prompt";
            case ERROR_SERVICE_DOES_NOT_EXIST -> "it is not installed (drizzle service install)";
            case ERROR_SERVICE_EXISTS -> "it is already installed (drizzle service uninstall first)";
            case ERROR_SERVICE_MARKED_FOR_DELETE -> "it is being removed; close services.msc and try again";
            case ERROR_DUPLICATE_SERVICE_NAME -> "another service already has that name or display name";
            default -> "Windows error " + error;
        };
        return new IOException("Cannot " + action + " the Windows service '" + name + "': " + why + ".");
    }
}
