package org.drizzle.engine.schedule;

import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.condition.RunCondition;
import org.drizzle.engine.job.JobInfo;

/** A RunCondition a test switches: blocks every job with {@link #blocker} while it is set. */
public final class SwitchCondition implements RunCondition {
    private volatile Blocker blocker;
    private volatile Runnable listener = () -> { };

    public void block(Blocker b) {
        blocker = b;
        listener.run();
    }

    public void clear() {
        blocker = null;
        listener.run();
    }

    @Override
    public Blocker check(JobInfo job) {
        return blocker;
    }

    @Override
    public void onChange(Runnable l) {
        listener = l;
    }
}
