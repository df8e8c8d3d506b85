package org.drizzle.engine.identity;

import org.drizzle.engine.job.Owner;

/**
 * Says whether a job owner is logged on, BITS' rule for running a job: an owner's jobs run
 * only while that owner has a session, except service accounts (which are always "logged on")
 * and users an administrator has allowed to run without one.
 */
public interface SessionMonitor extends AutoCloseable {
    /** Everyone is logged on and no one is a service account (tests, non-Linux embedded). */
    SessionMonitor ALWAYS = owner -> true;

    /**
     * No logged-on rule (a user's own engine, or sessionSource "none"), but service accounts
     * are still told apart: their jobs never run notify programs.
     */
    static SessionMonitor withoutSessions(SessionPolicy policy) {
        return new SessionMonitor() {
            @Override
            public boolean isLoggedOn(Owner owner) {
                return true;
            }

            @Override
            public boolean isServiceAccount(Owner owner) {
                return policy.isServiceAccount(owner.uid(), owner.name());
            }
        };
    }

    boolean isLoggedOn(Owner owner);

    /** True for accounts whose jobs always run and never run notify command lines. */
    default boolean isServiceAccount(Owner owner) {
        return false;
    }

    /** Registers a callback for when anyone logs on or off; called once by the scheduler. */
    default void onChange(Runnable listener) {
    }

    @Override
    default void close() {
    }
}
