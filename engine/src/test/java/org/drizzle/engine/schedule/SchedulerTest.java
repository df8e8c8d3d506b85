package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.condition.Blocker;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobLimits;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's rules through a real LocalEngine and store, with a test-only transport that
 * generates bytes (no network): slots, pre-emption, round robin, file order, MaxDownloadTime,
 * RunConditions, retry classes, JobInactivityTimeout, retention and progress event rate.
 */
class SchedulerTest {
    @TempDir
    Path dir;
    final GeneratedTransport gen = new GeneratedTransport();
    final SwitchCondition condition = new SwitchCondition();
    EngineFixture fx;
    EngineClient c;

    void start(Consumer<EngineConfig.Builder> tweak) throws IOException {
        fx = new EngineFixture(dir.resolve("store"), b -> {
            b.transports(List.<Transport>of(gen)).runCondition(condition);
            tweak.accept(b);
        });
        c = fx.client();
    }

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    JobId job(String name, Priority p, long... sizes) {
        JobInfo j = c.createJob(name, JobType.DOWNLOAD, new JobOptions().priority(p));
        int i = 0;
        for (long size : sizes) {
            c.addFile(j.id(), GeneratedTransport.gen(size), dir.resolve(name + "-" + i++ + ".bin").toString(), null);
        }
        return j.id();
    }

    @Test
    void oneBackgroundSlotRunsBackgroundJobsOneAtATimeWhileForegroundRunsBeside() throws Exception {
        start(b -> { });
        gen.pauseMillis = 2;
        JobId a = job("a", Priority.NORMAL, 400_000);
        JobId b = job("b", Priority.NORMAL, 400_000);
        JobId f1 = job("f1", Priority.FOREGROUND, 400_000);
        JobId f2 = job("f2", Priority.FOREGROUND, 400_000);
        for (JobId id : List.of(a, b, f1, f2)) {
            c.resume(id);
        }
        int maxBackground = 0;
        while (!List.of(a, b, f1, f2).stream().allMatch(id -> c.getJob(id).state() == JobState.TRANSFERRED)) {
            int bg = (fx.engine.scheduler().isRunning(a) ? 1 : 0) + (fx.engine.scheduler().isRunning(b) ? 1 : 0);
            maxBackground = Math.max(maxBackground, bg);
            Thread.sleep(5);
        }
        assertThat(maxBackground).isEqualTo(1);
        assertThat(gen.maxConcurrent.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void higherPriorityPreemptsLowerAtABufferBoundary() throws Exception {
        start(b -> { });
        gen.pauseMillis = 5;
        JobId low = job("low", Priority.LOW, 2_000_000);
        c.resume(low);
        fx.awaitState(c, low, JobState.TRANSFERRING);
        List<String> order = new CopyOnWriteArrayList<>();
        c.subscribe(e -> order.add(e.job().displayName() + "=" + e.job().state()));
        JobId high = job("high", Priority.HIGH, 1_000_000);
        c.resume(high);
        fx.awaitState(c, high, JobState.TRANSFERRED);
        // low was sent back to the queue before high ran, and kept its durable progress.
        assertThat(order).containsSubsequence("low=QUEUED", "high=CONNECTING", "high=TRANSFERRED");
        assertThat(c.getJob(low).progress().bytesTransferred()).isGreaterThan(0);
        gen.pauseMillis = 0;
        fx.awaitState(c, low, JobState.TRANSFERRED);
        c.complete(low);
        byte[] bytes = Files.readAllBytes(dir.resolve("low-0.bin"));
        assertThat(bytes).hasSize(2_000_000);
        for (int i = 0; i < bytes.length; i += 9973) {
            assertThat(bytes[i]).isEqualTo((byte) (i % 251));
        }
    }

    @Test
    void equalPriorityJobsShareTheSlotInTimeSlices() throws Exception {
        start(b -> b.timeSlice(Duration.ofSeconds(30)));
        gen.pauseMillis = 5;
        JobId first = job("first", Priority.NORMAL, 3_000_000);
        JobId second = job("second", Priority.NORMAL, 3_000_000);
        c.resume(first);
        fx.awaitState(c, first, JobState.TRANSFERRING);
        c.resume(second);
        Thread.sleep(300);
        assertThat(c.getJob(second).state()).isEqualTo(JobState.QUEUED);
        fx.clock.advance(Duration.ofSeconds(31));
        fx.awaitState(c, second, JobState.TRANSFERRING);
        JobInfo firstNow = c.getJob(first);
        assertThat(firstNow.state()).isEqualTo(JobState.QUEUED);
        assertThat(firstNow.progress().bytesTransferred()).isBetween(1L, 2_999_999L);
        fx.clock.advance(Duration.ofSeconds(31));
        fx.awaitState(c, first, JobState.TRANSFERRING);
        gen.pauseMillis = 0;
        fx.awaitState(c, first, JobState.TRANSFERRED);
        fx.awaitState(c, second, JobState.TRANSFERRED);
    }

    @Test
    void filesOfAJobGoInOrderOneAtATime() throws Exception {
        start(b -> { });
        JobId id = job("multi", Priority.FOREGROUND, 50_000, 70_000, 0, 90_000);
        c.resume(id);
        JobInfo done = fx.awaitState(c, id, JobState.TRANSFERRED);
        assertThat(gen.started).containsExactly(
                "multi:" + dir.resolve("multi-0.bin"), "multi:" + dir.resolve("multi-1.bin"),
                "multi:" + dir.resolve("multi-2.bin"), "multi:" + dir.resolve("multi-3.bin"));
        assertThat(gen.maxConcurrent.get()).isEqualTo(1);
        assertThat(done.progress().bytesTotal()).isEqualTo(210_000);
        assertThat(done.progress().filesTransferred()).isEqualTo(4);
        c.complete(id);
        assertThat(dir.resolve("multi-2.bin")).exists().isEmptyFile();
    }

    @Test
    void addingAFileToATransferredJobAndResumingQueuesItAgain() throws Exception {
        start(b -> { });
        JobId id = job("grow", Priority.FOREGROUND, 10_000);
        c.resume(id);
        fx.awaitState(c, id, JobState.TRANSFERRED);
        c.addFile(id, GeneratedTransport.gen(20_000), dir.resolve("grow-extra.bin").toString(), null);
        assertThat(c.getJob(id).state()).isEqualTo(JobState.TRANSFERRED);
        List<JobState> states = new CopyOnWriteArrayList<>();
        c.subscribe(e -> states.add(e.job().state()));
        c.resume(id);
        JobInfo done = fx.awaitState(c, id, JobState.TRANSFERRED);
        assertThat(states).containsSubsequence(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSFERRED);
        assertThat(done.progress().filesTransferred()).isEqualTo(2);
        assertThat(c.complete(id).status()).isEqualTo(ErrorCodes.S_OK);
    }

    @Test
    void maxDownloadTimeTurnsIntoErrorAndResumeResetsIt() throws Exception {
        start(b -> { });
        gen.pauseMillis = 20;
        JobId id = job("slowjob", Priority.FOREGROUND, 5_000_000);
        c.setProperties(id, new JobOptions().maxDownloadTime(60));
        c.resume(id);
        fx.awaitState(c, id, JobState.TRANSFERRING);
        fx.clock.advance(Duration.ofSeconds(61));
        JobInfo failed = fx.awaitState(c, id, JobState.ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.BG_E_MAXDOWNLOAD_TIMEOUT);
        c.resume(id);
        fx.awaitState(c, id, JobState.TRANSFERRING);
        gen.pauseMillis = 0;
        fx.awaitState(c, id, JobState.TRANSFERRED);
    }

    @Test
    void blockerWithoutErrorLeavesTheJobQueuedWithAReason() throws Exception {
        start(b -> { });
        condition.block(new Blocker(ErrorCodes.ERROR_NOT_LOGGED_ON, "the owner has no logged-on session", false));
        JobId id = job("blocked", Priority.NORMAL, 10_000);
        c.resume(id);
        await().atMost(Duration.ofSeconds(5)).until(() -> "the owner has no logged-on session".equals(c.getJob(id).blockedReason()));
        assertThat(c.getJob(id).state()).isEqualTo(JobState.QUEUED);
        assertThat(gen.started).isEmpty();
        condition.clear();
        JobInfo done = fx.awaitState(c, id, JobState.TRANSFERRED);
        assertThat(done.blockedReason()).isNull();
    }

    @Test
    void conditionErrorWaitsInTransientErrorWithoutCountingAgainstNoProgressTimeout() throws Exception {
        start(b -> { });
        condition.block(new Blocker(ErrorCodes.BG_E_BLOCKED_BY_COST_TRANSFER_POLICY, "the network is roaming", true));
        JobId id = job("costly", Priority.NORMAL, 10_000);
        c.setProperties(id, new JobOptions().noProgressTimeout(60));
        c.resume(id);
        JobInfo waiting = fx.awaitState(c, id, JobState.TRANSIENT_ERROR);
        assertThat(waiting.error().code()).isEqualTo(ErrorCodes.BG_E_BLOCKED_BY_COST_TRANSFER_POLICY);
        fx.clock.advance(Duration.ofSeconds(600));
        Thread.sleep(1200);
        assertThat(c.getJob(id).state()).isEqualTo(JobState.TRANSIENT_ERROR);
        condition.clear();
        fx.awaitState(c, id, JobState.TRANSFERRED);
    }

    @Test
    void runningJobStopsWhenAConditionStartsBlocking() throws Exception {
        start(b -> { });
        gen.pauseMillis = 10;
        JobId id = job("cut", Priority.NORMAL, 3_000_000);
        c.resume(id);
        fx.awaitState(c, id, JobState.TRANSFERRING);
        condition.block(new Blocker(ErrorCodes.BG_E_NETWORK_DISCONNECTED, "no network", true));
        JobInfo stopped = fx.awaitState(c, id, JobState.TRANSIENT_ERROR);
        assertThat(stopped.error().code()).isEqualTo(ErrorCodes.BG_E_NETWORK_DISCONNECTED);
        gen.pauseMillis = 0;
        condition.clear();
        fx.awaitState(c, id, JobState.TRANSFERRED);
    }

    @Test
    void transportErrorsLandInTheirStates() throws Exception {
        start(b -> { });
        JobId fatal = c.createJob("fatal", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(fatal, GeneratedTransport.fail(ErrorCodes.fromHttpStatus(403)), dir.resolve("x").toString(), null);
        JobId trans = c.createJob("transient", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(trans, GeneratedTransport.fail(ErrorCodes.INTERNET_CONNECTION_RESET), dir.resolve("y").toString(), null);
        JobId disk = c.createJob("disk", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(disk, GeneratedTransport.fail(ErrorCodes.ERROR_DISK_FULL), dir.resolve("z").toString(), null);
        JobId net = c.createJob("net", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(net, GeneratedTransport.fail(ErrorCodes.BG_E_NETWORK_DISCONNECTED), dir.resolve("w").toString(), null);
        for (JobId id : List.of(fatal, trans, disk, net)) {
            c.resume(id);
        }
        assertThat(fx.awaitState(c, fatal, JobState.ERROR).error().code()).isEqualTo(0x80190193);
        JobInfo t = fx.awaitState(c, trans, JobState.TRANSIENT_ERROR);
        assertThat(t.error().code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        assertThat(fx.awaitState(c, disk, JobState.TRANSIENT_ERROR).error().code()).isEqualTo(ErrorCodes.ERROR_DISK_FULL);
        assertThat(fx.awaitState(c, net, JobState.TRANSIENT_ERROR).error().code()).isEqualTo(ErrorCodes.BG_E_NETWORK_DISCONNECTED);
        // Past NoProgressTimeout (14 days by default) the ordinary transient error becomes ERROR,
        // the condition wait does not.
        fx.clock.advance(Duration.ofDays(15));
        assertThat(fx.awaitState(c, trans, JobState.ERROR).error().code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        assertThat(c.getJob(net).state()).isIn(JobState.TRANSIENT_ERROR, JobState.QUEUED, JobState.CONNECTING);
    }

    /**
     * Between the passes that look at every transient job (when one falls due), a pass looks at
     * the ones that changed: each job still retries when its own time comes, and a change to one
     * that waits for much later is seen at once.
     */
    @Test
    void transientJobsAreLookedAtWhenTheirOwnRetryOrTimeoutFallsDue() throws Exception {
        start(b -> { });
        JobId late = c.createJob("late", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(late, GeneratedTransport.fail(ErrorCodes.INTERNET_CONNECTION_RESET), dir.resolve("l").toString(), null);
        c.setProperties(late, new JobOptions().minimumRetryDelay(3600));
        JobId soon = c.createJob("soon", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(soon, GeneratedTransport.fail(ErrorCodes.INTERNET_CONNECTION_RESET), dir.resolve("s").toString(), null);
        c.setProperties(soon, new JobOptions().minimumRetryDelay(60));
        JobId idle = c.createJob("idle", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND)).id();
        c.addFile(idle, GeneratedTransport.fail(ErrorCodes.INTERNET_CONNECTION_RESET), dir.resolve("i").toString(), null);
        c.setProperties(idle, new JobOptions().minimumRetryDelay(3600));
        for (JobId id : List.of(late, soon, idle)) {
            c.resume(id);
            fx.awaitState(c, id, JobState.TRANSIENT_ERROR);
        }
        int lateErrors = c.getJob(late).errorCount();
        int soonErrors = c.getJob(soon).errorCount();
        // 'soon' retries within its jittered 60-90 s (and fails again), 'late' does not.
        fx.clock.advance(Duration.ofSeconds(91));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> c.getJob(soon).errorCount() > soonErrors);
        assertThat(c.getJob(late).errorCount()).isEqualTo(lateErrors);
        // A shorter NoProgressTimeout on a job that would otherwise wait an hour ends it now.
        c.setProperties(idle, new JobOptions().noProgressTimeout(30));
        assertThat(fx.awaitState(c, idle, JobState.ERROR).error().code()).isEqualTo(ErrorCodes.INTERNET_CONNECTION_RESET);
        fx.clock.advance(Duration.ofSeconds(3600 * 3 / 2));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> c.getJob(late).errorCount() > lateErrors);
    }

    @Test
    void idleJobsAreCancelledAfterJobInactivityTimeoutAndFinalJobsPurgedAfterRetention() throws Exception {
        start(b -> b.limits(() -> new JobLimits(60, 300, 200, 500, Duration.ofDays(1), Duration.ofDays(90)))
                .retention(Duration.ofMinutes(5)));
        JobId idle = job("idle", Priority.NORMAL, 1000);
        JobId done = job("done", Priority.FOREGROUND, 1000);
        c.resume(done);
        fx.awaitState(c, done, JobState.TRANSFERRED);
        c.complete(done);
        fx.clock.advance(Duration.ofDays(2));
        fx.awaitState(c, idle, JobState.CANCELLED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            fx.clock.advance(Duration.ofMinutes(2));
            fx.engine.scheduler().wake();
            assertThatThrownBy(() -> c.getJob(done)).isInstanceOfSatisfying(BitsException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_NOT_FOUND));
        });
    }

    @Test
    void progressEventsAreRateLimited() throws Exception {
        start(b -> b.notificationInterval(Duration.ofMillis(300)).checkpoint(4096, Duration.ZERO));
        gen.pauseMillis = 1;
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        JobId id = job("rate", Priority.FOREGROUND, 1_500_000);
        c.subscribe(e -> {
            if (e.job().id().equals(id) && e.job().state() == JobState.TRANSFERRING) {
                events.add(e);
            }
        });
        long t0 = System.nanoTime();
        c.resume(id);
        fx.awaitState(c, id, JobState.TRANSFERRED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // ~366 checkpoints happened; at most one progress event per 300 ms (plus the state change).
        assertThat(events.size()).isGreaterThan(1).isLessThanOrEqualTo((int) (seconds / 0.3) + 3);
    }
}
