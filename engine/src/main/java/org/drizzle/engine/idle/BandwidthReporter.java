package org.drizzle.engine.idle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.bandwidth.Governor;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.policy.BandwidthDecision;
import org.drizzle.policy.Priority;
import org.drizzle.policy.Rate;

/**
 * Reads the bandwidth picture for {@link BandwidthReport} from the parts an assembled engine
 * runs: the {@link IdleBandwidthEstimator} (interfaces, and which one each job uses) and the
 * policy's {@link Governor} (limits). Only reads: asking for a report never changes what the
 * estimator watches or what the governor grants. {@link #NONE} serves an engine with neither.
 */
public final class BandwidthReporter {
    /** For an engine without estimator or policy: no interfaces, no limits. */
    public static final BandwidthReporter NONE = new BandwidthReporter(null, null);

    private static final List<Priority> BACKGROUND = List.of(Priority.HIGH, Priority.NORMAL, Priority.LOW);

    private final IdleBandwidthEstimator estimator;
    private final Governor governor;

    /**
     * @param estimator the idle-bandwidth estimator, or null when it is off
     * @param governor  the policy's governor, or null when no policy applies
     */
    public BandwidthReporter(IdleBandwidthEstimator estimator, Governor governor) {
        this.estimator = estimator;
        this.governor = governor;
    }

    /**
     * The picture now for these running jobs (already filtered to what the caller may see);
     * each job's rate is its snapshot's {@link JobInfo#currentRate()}.
     */
    public BandwidthReport report(Instant at, List<JobInfo> running) {
        List<BandwidthReport.JobRate> jobs = new ArrayList<>(running.size());
        for (JobInfo j : running) {
            String interfaceName = estimator == null ? null : estimator.interfaceOf(j.id());
            Long limit = governor == null ? null : bytes(governor.policyLimit(j.id(), j.priority()));
            jobs.add(new BandwidthReport.JobRate(j.id(), j.displayName(), j.type(), j.owner() == null ? null : j.owner().account(),
                    j.priority(), j.state(), interfaceName, j.currentRate(), limit));
        }
        return new BandwidthReport(at, estimator != null, links(), limits(), jobs);
    }

    private List<BandwidthReport.Link> links() {
        if (estimator == null) {
            return List.of();
        }
        List<BandwidthReport.Link> out = new ArrayList<>();
        for (LinkEstimate e : estimator.estimates()) {
            out.add(new BandwidthReport.Link(e.interfaceName(), e.upload(), e.capacity(),
                    estimator.capacitySource(e.interfaceName(), e.upload()), e.others(), e.own(), e.allowance(),
                    e.queueDelayMicros()));
        }
        return out;
    }

    private List<BandwidthReport.Limit> limits() {
        if (governor == null) {
            return List.of();
        }
        List<BandwidthReport.Limit> out = new ArrayList<>();
        for (Priority p : BACKGROUND) {
            BandwidthDecision d = governor.decision(p, false);
            out.add(new BandwidthReport.Limit(p, bytes(d.rate()), d.rule()));
        }
        return out;
    }

    /** Null for unlimited, else bytes/s (0 = blocked). */
    private static Long bytes(Rate rate) {
        return rate.isUnlimited() ? null : rate.bytesPerSecond();
    }
}
