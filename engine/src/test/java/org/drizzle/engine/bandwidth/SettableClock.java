package org.drizzle.engine.bandwidth;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC wall clock a test sets by hand, to cross schedule boundaries without waiting hours. */
public final class SettableClock extends Clock {
    private volatile Instant now;

    public SettableClock(String isoInstant) {
        now = Instant.parse(isoInstant);
    }

    public void set(String isoInstant) {
        now = Instant.parse(isoInstant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
