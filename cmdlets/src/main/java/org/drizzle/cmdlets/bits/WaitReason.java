package org.drizzle.cmdlets.bits;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;

/**
 * Why a job a synchronous transfer waits on is not moving, in an admin's words: the error of a
 * job in TransientError (e.g. the connection was refused) and when it retries, or the reason a
 * queued job is held (policy window, no network, behind other jobs). Null while the job moves.
 */
final class WaitReason {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private WaitReason() {
    }

    static String of(JobInfo job, Instant now) {
        if (job.state() == JobState.TRANSIENT_ERROR) {
            String error = job.error() == null ? job.blockedReason() : job.error().description();
            StringBuilder s = new StringBuilder("is in TransientError");
            if (error != null && !error.isBlank()) {
                s.append(": ").append(error.strip());
            }
            s.append(s.charAt(s.length() - 1) == '.' ? "" : ".");
            if (job.nextRetryTime() != null) {
                long in = Math.max(0, Duration.between(now, job.nextRetryTime()).toSeconds());
                s.append(" Next retry at ").append(CLOCK.format(job.nextRetryTime().atZone(ZoneId.systemDefault())))
                        .append(" (in ").append(in).append(" s).");
            }
            return s.toString();
        }
        if (job.state() == JobState.QUEUED && job.blockedReason() != null) {
            return "is queued: " + job.blockedReason();
        }
        return null;
    }
}
