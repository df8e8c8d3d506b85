package org.drizzle.engine.grouppolicy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.network.NetworkRunCondition;
import org.drizzle.engine.network.RouteLookup;
import org.drizzle.policy.BandwidthDecision;
import org.drizzle.policy.PolicyEvaluator;

/**
 * A zero bandwidth limit as a scheduler condition: while policy gives a background job's
 * priority 0 bytes/s the job shows TRANSIENT_ERROR with BG_E_BLOCKED_BY_POLICY and the reason
 * (rule, window and when it ends); the {@link PolicyService} wakes the scheduler at the window's
 * end and on every policy change, so the job resumes by itself.
 *
 * <p>It also remembers, per job, whether the job's server is on the LAN, so the
 * {@link Governor} (which sees only job ids) can apply Throttling\IgnoreBandwidthLimitsOnLan
 * the same way: pass {@link #isOnLan} as the governor's predicate.
 */
public final class PolicyRunCondition implements RunCondition {
    private final PolicyService policy;
    private final Predicate<JobInfo> onLan;
    private final Map<JobId, Boolean> lanJobs = new ConcurrentHashMap<>();

    /** @param onLan whether a job's server is on the local network */
    public PolicyRunCondition(PolicyService policy, Predicate<JobInfo> onLan) {
        this.policy = policy;
        this.onLan = onLan;
    }

    /** On-LAN means the route to the job's current server has no gateway ({@link RouteLookup}). */
    public static Predicate<JobInfo> lanByRoute(RouteLookup routes) {
        return job -> {
            String host = NetworkRunCondition.serverOf(job);
            RouteLookup.Route route = host == null ? null : routes.routeTo(host);
            return route != null && route.onLink();
        };
    }

    @Override
    public Blocker check(JobInfo job) {
        if (!job.priority().isBackground()) {
            return null;
        }
        boolean lan = onLan.test(job);
        lanJobs.put(job.id(), lan);
        PolicyEvaluator evaluator = policy.evaluator();
        Instant now = policy.clock().instant();
        BandwidthDecision d = evaluator.limitFor(now, job.priority(), lan);
        if (!d.isBlocked()) {
            return null;
        }
        Instant until = evaluator.nextBoundaryAfter(now);
        String reason = d.reason() + (until == null ? ""
                : " Transfers resume at " + LocalDateTime.ofInstant(until, evaluator.zone()).toString().replace('T', ' ') + ".");
        return new Blocker(ErrorCodes.BG_E_BLOCKED_BY_POLICY, reason, true);
    }

    /** Whether {@code job}'s server was on the LAN when last checked (false if never checked). */
    public boolean isOnLan(JobId job) {
        return lanJobs.getOrDefault(job, false);
    }

    @Override
    public void onChange(Runnable listener) {
        policy.onChange(listener);
    }
}
