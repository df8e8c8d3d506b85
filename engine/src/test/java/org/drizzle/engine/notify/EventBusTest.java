package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;

/** Event delivery: order, isolation from a throwing listener, visibility, and progress coalescing. */
class EventBusTest {
    static JobInfo info(Job j) {
        return j.toInfo(JobLimits.DEFAULTS.maxDownloadTime(), 0);
    }

    @Test
    void deliversInOrderSkipsInvisibleJobsAndSurvivesAThrowingListener() {
        try (EventBus bus = new EventBus(Clock.systemUTC(), Duration.ofMillis(200))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            bus.subscribe(i -> true, e -> {
                throw new IllegalStateException("bad listener");
            });
            bus.subscribe(i -> i.owner().uid() == 1, e -> seen.add(e.kind() + " " + e.job().displayName()));
            Job mine = new Job(JobId.random(), "mine", JobType.DOWNLOAD, new Owner(1, "a"), Instant.now(), 1);
            Job theirs = new Job(JobId.random(), "theirs", JobType.DOWNLOAD, new Owner(2, "b"), Instant.now(), 2);
            bus.publish(JobEvent.Kind.MODIFICATION, info(mine));
            bus.publish(JobEvent.Kind.MODIFICATION, info(theirs));
            bus.publish(JobEvent.Kind.TRANSFERRED, info(mine));
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("MODIFICATION mine", "TRANSFERRED mine");
        }
    }

    @Test
    void progressIsCoalescedToTheNewestSnapshotPerInterval() throws Exception {
        try (EventBus bus = new EventBus(Clock.systemUTC(), Duration.ofMillis(300))) {
            List<JobEvent> seen = new CopyOnWriteArrayList<>();
            bus.subscribe(i -> true, seen::add);
            Job j = new Job(JobId.random(), "p", JobType.DOWNLOAD, new Owner(1, "a"), Instant.now(), 1);
            for (int i = 0; i < 50; i++) {
                j.touch(Instant.ofEpochSecond(i));
                bus.progress(info(j));
                Thread.sleep(10);
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> seen.stream()
                    .anyMatch(e -> e.job().modificationTime().equals(Instant.ofEpochSecond(49))));
            // ~500 ms of updates at one per 300 ms: the first at once, then at most a couple more.
            assertThat(seen.size()).isBetween(2, 4);
        }
    }

    @Test
    void aStateEventDropsOlderPendingProgress() throws Exception {
        try (EventBus bus = new EventBus(Clock.systemUTC(), Duration.ofMillis(300))) {
            List<JobEvent> seen = new CopyOnWriteArrayList<>();
            bus.subscribe(i -> true, seen::add);
            Job j = new Job(JobId.random(), "s", JobType.DOWNLOAD, new Owner(1, "a"), Instant.now(), 1);
            bus.progress(info(j));
            bus.progress(info(j));
            j.transition(JobState.QUEUED, Instant.now());
            bus.publish(JobEvent.Kind.MODIFICATION, info(j));
            Thread.sleep(600);
            assertThat(seen.get(seen.size() - 1).job().state()).isEqualTo(JobState.QUEUED);
        }
    }

    @Test
    void closeDeliversWaitingProgressAtOnceInsteadOfWaitingOutTheInterval() {
        EventBus bus = new EventBus(Clock.systemUTC(), Duration.ofSeconds(5));
        List<JobEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(i -> true, seen::add);
        Job j = new Job(JobId.random(), "c", JobType.DOWNLOAD, new Owner(1, "a"), Instant.now(), 1);
        j.touch(Instant.ofEpochSecond(1));
        bus.progress(info(j));
        await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 1);
        // The next snapshot waits for the 5 s interval.
        j.touch(Instant.ofEpochSecond(2));
        bus.progress(info(j));
        long start = System.nanoTime();
        bus.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(seen).extracting(e -> e.job().modificationTime())
                .containsExactly(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2));
    }
}
