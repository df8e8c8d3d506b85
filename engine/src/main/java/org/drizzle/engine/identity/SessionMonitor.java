package org.drizzle.engine.identity;

import org.drizzle.engine.job.Owner;

/**
 * Says whether a job owner is logged on, BITS' rule for running a job: an owner's jobs run
 * only while that owner has a session, except service accounts (which are always "logged on")
 * and users an administrator has allowed to run without one.
 */
public interface SessionMonitor extends AutoCloseable {
    /** Everyone is logged on: the embedded engine runs inside the owner's own session. */
    SessionMonitor ALWAYS = owner -> true;

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
