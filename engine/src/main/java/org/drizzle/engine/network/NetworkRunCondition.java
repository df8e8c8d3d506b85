package org.drizzle.engine.network;

import java.net.URI;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;

/**
 * BITS' network-presence rule as a scheduler condition: while the route to the job's server
 * is gone or its interface is down the job waits in TRANSIENT_ERROR with
 * BG_E_NETWORK_DISCONNECTED, which {@link ErrorCodes#isConditionWait} keeps from counting
 * against NoProgressTimeout or MinimumRetryDelay; the {@link LinkMonitor} wakes the scheduler
 * as soon as the network returns. Jobs whose current file is local need no network.
 */
public final class NetworkRunCondition implements RunCondition {

    private final LinkMonitor monitor;

    public NetworkRunCondition(LinkMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Blocker check(JobInfo job) {
        String host = serverOf(job);
        if (host == null) {
            return null;
        }
        String reason = monitor.unreachable(host);
        return reason == null ? null : new Blocker(ErrorCodes.BG_E_NETWORK_DISCONNECTED, reason, true);
    }

    @Override
    public void onChange(Runnable listener) {
        monitor.onChange(listener);
    }

    /** The host of the job's current (first unfinished) file, or null when it is local. */
    public static String serverOf(JobInfo job) {
        for (JobFileInfo f : job.files()) {
            if (!f.completed()) {
                return hostOf(f.remoteName());
            }
        }
        return null;
    }

    /** Host of an http(s)/ftp URL or a UNC path (\\server\share); null for local paths and file:. */
    static String hostOf(String remote) {
        if (remote == null) {
            return null;
        }
        if (remote.startsWith("\\\\")) {
            int end = remote.indexOf('\\', 2);
            return end > 2 ? remote.substring(2, end) : null;
        }
        try {
            URI uri = URI.create(remote);
            String scheme = uri.getScheme();
            if (scheme == null || scheme.equalsIgnoreCase("file") || scheme.length() == 1) {
                return null; // local path, file: URL, or a Windows drive letter
            }
            return uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
