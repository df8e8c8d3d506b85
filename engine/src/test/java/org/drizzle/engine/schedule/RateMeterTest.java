package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-job rate: a sliding two-second window that follows the bytes and falls to 0 when they stop. */
class RateMeterTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RateMeter meter = new RateMeter(now::get);

    /** Feeds {@code bytesPerSecond} in 50 ms steps for {@code millis}. */
    private void feed(long bytesPerSecond, long millis) {
        for (long t = 0; t < millis; t += 50) {
            now.addAndGet(50_000_000L);
            meter.add(bytesPerSecond / 20);
        }
    }

    @Test
    void aSteadyFlowReadsAsItsRateFromTheFirstSecond() {
        assertThat(meter.rate()).isZero();
        feed(400_000, 600);
        assertThat(meter.rate()).isBetween(360_000L, 440_000L);
        feed(400_000, 3_000);
        assertThat(meter.rate()).isBetween(380_000L, 420_000L);
    }

    @Test
    void aChangeOfRateShowsWithinTwoSecondsAndMovesSmoothly() {
        feed(1_000_000, 3_000);
        feed(200_000, 1_000);
        long halfway = meter.rate();
        assertThat(halfway).as("half the window at each rate").isBetween(550_000L, 650_000L);
        feed(200_000, 1_100);
        assertThat(meter.rate()).isBetween(180_000L, 220_000L);
    }

    @Test
    void theRateFallsToZeroTwoSecondsAfterTheBytesStop() {
        feed(500_000, 2_000);
        now.addAndGet(1_000_000_000L);
        assertThat(meter.rate()).as("one second of silence halves it").isBetween(200_000L, 300_000L);
        now.addAndGet(1_100_000_000L);
        assertThat(meter.rate()).isZero();
    }
}
