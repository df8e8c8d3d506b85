package org.drizzle.engine.identity;

import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;

/**
 * BITS' logged-on rule as a scheduler condition: a job whose owner has no session waits in
 * QUEUED, and Get-BitsTransfer says so in plain words.
 */
public final class LoggedOnRunCondition implements RunCondition {
    private final SessionMonitor sessions;

    public LoggedOnRunCondition(SessionMonitor sessions) {
        this.sessions = sessions;
    }

    @Override
    public Blocker check(JobInfo job) {
        if (sessions.isLoggedOn(job.owner())) {
            return null;
        }
        return new Blocker(ErrorCodes.ERROR_NOT_LOGGED_ON, reason(job.owner().name()), false);
    }

    static String reason(String owner) {
        return "owner " + owner + " has no logged-on session; the job waits until " + owner
                + " logs on (an administrator can allow it to run without a session)";
    }

    @Override
    public void onChange(Runnable listener) {
        sessions.onChange(listener);
    }
}
