package org.drizzle.engine.condition;

import org.drizzle.engine.job.JobInfo;

/**
 * One rule the scheduler checks before it starts (and while it runs) a job: owner logged on,
 * network up, cost allowed by TransferPolicy, policy bandwidth not zero. Conditions must be
 * cheap and non-blocking; when what they depend on changes they call the listener passed to
 * {@link #onChange}, and the scheduler re-evaluates within a second.
 *
 * <p>This package sits below the scheduler and below every implementation (identity's
 * logged-on rule, network presence, network cost, Group Policy windows), so none of them
 * depends on the scheduler.
 */
public interface RunCondition {

    /** Null when {@code job} may run now, else what blocks it. */
    Blocker check(JobInfo job);

    /** Registers the scheduler's wake-up; called once. */
    default void onChange(Runnable listener) {
    }
}
