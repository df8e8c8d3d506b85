package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection around Ctrl+C: a client that sends requests and leaves without reading the
 * replies still has everything it sent carried out, and an interrupted caller does not cut
 * RemoteEngine's shared connection.
 */
class ClientLeavingTest {
    @Test
    void requestsSentBeforeLeavingAreCarriedOutThoughTheirRepliesCannotBeWritten(@TempDir Path dir) throws Exception {
        try (ServiceFixture fx = new ServiceFixture(dir, ServiceMode.USER).start();
             RemoteEngine watcher = fx.connect()) {
            JobInfo job = watcher.createJob("leaving", JobType.DOWNLOAD, new JobOptions());
            try (SocketChannel ch = ProtocolFuzzTest.open(fx.config.socket())) {
                ProtocolFuzzTest.hello(ChannelStreams.out(ch), ChannelStreams.in(ch));
                // Enough requests ahead of the Cancel that the client is gone while they are served.
                OutputStream out = new BufferedOutputStream(ChannelStreams.out(ch), 1 << 20);
                for (int i = 1; i <= 3000; i++) {
                    FrameCodec.write(out, ("{\"type\":\"request\",\"id\":" + i
                            + ",\"method\":\"listJobs\",\"params\":{}}").getBytes(StandardCharsets.UTF_8));
                }
                FrameCodec.write(out, ("{\"type\":\"request\",\"id\":3001,\"method\":\"cancel\",\"params\":{\"id\":\""
                        + job.id() + "\"}}").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(watcher.listJobs(false)).extracting(JobInfo::id).doesNotContain(job.id()));
        }
    }

    @Test
    void anInterruptedCallerDoesNotCutTheSharedConnection(@TempDir Path dir) throws Exception {
        try (ServiceFixture fx = new ServiceFixture(dir, ServiceMode.USER).start();
             RemoteEngine remote = fx.connect()) {
            JobInfo job = remote.createJob("interrupted", JobType.DOWNLOAD, new JobOptions());
            Thread.currentThread().interrupt();
            try {
                remote.listJobs(false);
            } catch (BitsException expected) {
                // the wait for the reply gives way to the interrupt; the request itself went out
            } finally {
                assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
            }
            assertThat(remote.cancel(job.id()).state()).isEqualTo(JobState.CANCELLED);
        }
    }
}
