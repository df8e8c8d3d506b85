package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    @Test
    void aWaitLastsItsTimeUnlessStoppedAndAStopEndsEveryWaitAtOnce() throws Exception {
        StopSignal signal = new StopSignal();
        long t0 = System.nanoTime();
        signal.await(120);
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(120_000_000L);

        CompletableFuture<Throwable> forever = CompletableFuture.supplyAsync(() -> {
            try {
                signal.await(-1);
                return null;
            } catch (PipelineStoppedException e) {
                return e;
            }
        });
        Thread.sleep(100);
        assertThat(forever).isNotDone();
        signal.stop();
        assertThat(forever.get(5, TimeUnit.SECONDS)).isInstanceOf(PipelineStoppedException.class);
        // After the stop, a new wait does not wait at all.
        long t1 = System.nanoTime();
        assertThatThrownBy(() -> signal.await(60_000)).isInstanceOf(PipelineStoppedException.class);
        assertThat(System.nanoTime() - t1).isLessThan(1_000_000_000L);
    }
}
