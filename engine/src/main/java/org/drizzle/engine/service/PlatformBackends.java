package org.drizzle.engine.service;

import com.sun.jna.Platform;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.LinuxImpersonator;
import org.drizzle.engine.identity.LogindSessionSource;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.PollingSessionMonitor;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.SessionMonitor;
import org.drizzle.engine.identity.SessionPolicy;
import org.drizzle.engine.identity.SessionSource;
import org.drizzle.engine.identity.UtmpSessionSource;
import org.drizzle.engine.identity.windows.WindowsAccounts;
import org.drizzle.engine.identity.windows.WindowsImpersonator;
import org.drizzle.engine.identity.windows.WtsSessionSource;
import org.drizzle.engine.notify.LinuxNotifyLauncher;
import org.drizzle.engine.notify.LinuxSystemLog;
import org.drizzle.engine.notify.NotifyLauncher;
import org.drizzle.engine.notify.SystemLog;
import org.drizzle.engine.notify.windows.WindowsEventLog;
import org.drizzle.engine.notify.windows.WindowsNotifyLauncher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the Linux or Windows implementation of each identity/notify/transport part at start-up. */
final class PlatformBackends {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformBackends.class);
    private PlatformBackends() {
    }

    static boolean isWindows() {
        return Platform.isWindows();
    }

    static SystemLog systemLog(Path syslogSocket) {
        return isWindows() ? new WindowsEventLog("Drizzle") : new LinuxSystemLog(syslogSocket);
    }

    /** Per-thread impersonation when the service is root (Linux) or a Windows service; else none needed. */
    static Impersonator impersonator(OwnerUmasks umasks) {
        if (isWindows()) {
            return new WindowsImpersonator();
        }
        return Principal.current().uid() == 0 ? new LinuxImpersonator(umasks) : Impersonator.NONE;
    }

    static SessionMonitor sessionMonitor(String source, Path file, Duration poll, Set<String> serviceAccounts,
                                         Set<String> allowWithoutSession) {
        SessionPolicy policy = isWindows()
                ? new SessionPolicy(0, union(serviceAccounts, WindowsAccounts.SERVICE_ACCOUNTS), allowWithoutSession)
                : SessionPolicy.system(serviceAccounts, allowWithoutSession);
        if ("none".equals(source)) {
            return SessionMonitor.withoutSessions(policy);
        }
        SessionSource s = switch (source) {
            case "logind" -> new LogindSessionSource(file != null ? file : LogindSessionSource.DEFAULT_DIR);
            case "utmp" -> new UtmpSessionSource(file != null ? file : UtmpSessionSource.DEFAULT_FILE);
            default -> isWindows() ? new WtsSessionSource() : PollingSessionMonitor.systemSource();
        };
        if ("auto".equals(source) && s instanceof UtmpSessionSource && !java.nio.file.Files.exists(UtmpSessionSource.DEFAULT_FILE)) {
            LOG.warn("Neither systemd-logind nor {} exists here: jobs of users (uid >= UID_MIN) will wait for a session"
                    + " that cannot appear; set \"sessionSource\": \"none\" or \"allowWithoutSession\" in service.json",
                    UtmpSessionSource.DEFAULT_FILE);
        }
        return new PollingSessionMonitor(s, policy, poll);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    static NotifyLauncher notifyLauncher() {
        return isWindows() ? new WindowsNotifyLauncher()
                : new LinuxNotifyLauncher(Principal.current().uid());
    }

    static ServiceTransport transport(ServiceConfig config, Authorizer authorizer, OwnerUmasks umasks,
                                      ServiceControl control) {
        return isWindows() ? new NamedPipeServer(config.socket().toString(), config.limits(), authorizer, umasks, control)
                : new SocketServer(config.socket(), config.limits(), authorizer, umasks, control);
    }
}
