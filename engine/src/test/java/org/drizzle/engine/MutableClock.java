package org.drizzle.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock tests move by hand (UTC): real time plus whatever they {@link #advance}d, or,
 * made with {@link #at}, a fixed instant they {@link #set} or advance (schedule boundaries and
 * session expiry without waiting).
 */
public final class MutableClock extends Clock {
    /** The fixed instant, or null to follow real time. */
    private volatile Instant fixed;
    private volatile Duration offset = Duration.ZERO;

    /** Real time, moved only by {@link #advance}. */
    public MutableClock() {
    }

    /** Stands still at {@code isoInstant} (e.g. "2026-11-23T16:59:59Z") until set or advanced. */
    public static MutableClock at(String isoInstant) {
        MutableClock c = new MutableClock();
        c.set(isoInstant);
        return c;
    }

    public void advance(Duration d) {
        offset = offset.plus(d);
    }

    /** Stands still at {@code isoInstant} from now on. */
    public void set(String isoInstant) {
        fixed = Instant.parse(isoInstant);
        offset = Duration.ZERO;
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
        Instant base = fixed;
        return (base == null ? Instant.now() : base).plus(offset);
    }
}
