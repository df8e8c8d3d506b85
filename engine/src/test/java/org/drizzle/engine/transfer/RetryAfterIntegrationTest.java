package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hc.client5.http.utils.DateUtils;
import org.drizzle.engine.LoopbackEngineTest;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;

/**
 * Origin protection in the real engine against a loopback server answering 503/429: the
 * server's Retry-After is the earliest retry, retries are spread over [delay, 1.5 × delay],
 * and NextRetryTime shows it.
 */
class RetryAfterIntegrationTest extends LoopbackEngineTest {
    private JobId start(String path, long minimumRetryDelay) {
        JobInfo job = client.createJob("origin", JobType.DOWNLOAD,
                new JobOptions().priority(Priority.FOREGROUND).minimumRetryDelay(minimumRetryDelay));
        client.addFile(job.id(), server.uri(path).toString(), dir.resolve(path.substring(1) + ".bin").toString(), null);
        client.resume(job.id());
        return job.id();
    }

    private static Duration wait(JobInfo j) {
        return Duration.between(j.modificationTime(), j.nextRetryTime());
    }

    @Test
    void retryAfterSecondsOn503IsTheLowerBoundAndTheJobRetriesAfterIt() {
        Resource r = server.resource("/busy").generated(50_000).retryAfter("120").failOnce(503);
        JobId id = start("/busy", 10);
        JobInfo failed = fx.awaitState(client, id, JobState.TRANSIENT_ERROR);
        assertThat(failed.error().code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
        assertThat(failed.error().retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(wait(failed)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(180));
        fx.clock.advance(Duration.ofSeconds(100));
        fx.engine.scheduler().wake();
        assertThat(client.getJob(id).state()).isEqualTo(JobState.TRANSIENT_ERROR);
        fx.clock.advance(Duration.ofSeconds(81));
        fx.awaitState(client, id, JobState.TRANSFERRED);
        assertThat(r.requests().stream().filter(q -> q.method().equals("GET")).count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void retryAfterAsAnHttpDateOn429() {
        Instant at = Instant.now().plusSeconds(600);
        server.resource("/slow").generated(10_000).retryAfter(DateUtils.formatStandardDate(at)).failOnce(429);
        JobId id = start("/slow", 10);
        JobInfo failed = fx.awaitState(client, id, JobState.TRANSIENT_ERROR);
        assertThat(failed.error().retryAfter()).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
        assertThat(wait(failed)).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(900));
    }

    @Test
    void aShorterRetryAfterThanMinimumRetryDelayKeepsTheJobsDelay() {
        server.resource("/short").generated(10_000).retryAfter("1").failOnce(503);
        JobId id = start("/short", 60);
        JobInfo failed = fx.awaitState(client, id, JobState.TRANSIENT_ERROR);
        assertThat(wait(failed)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
    }

    @Test
    void aRetryAfterOnAnotherStatusIsIgnored() {
        server.resource("/err").generated(10_000).retryAfter("3000").failOnce(500);
        JobId id = start("/err", 60);
        JobInfo failed = fx.awaitState(client, id, JobState.TRANSIENT_ERROR);
        assertThat(failed.error().retryAfter()).isNull();
        assertThat(wait(failed)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(90));
    }

    @Test
    void jobsThatFailTogetherDoNotRetryTogether() {
        List<JobId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            server.resource("/f" + i).generated(1_000).retryAfter("600").failOnce(503);
            ids.add(start("/f" + i, 10));
        }
        Set<Instant> retries = new HashSet<>();
        for (JobId id : ids) {
            JobInfo failed = fx.awaitState(client, id, JobState.TRANSIENT_ERROR);
            assertThat(wait(failed)).isBetween(Duration.ofSeconds(600), Duration.ofSeconds(900));
            retries.add(failed.nextRetryTime());
        }
        assertThat(retries).hasSizeGreaterThan(4);
    }
}
