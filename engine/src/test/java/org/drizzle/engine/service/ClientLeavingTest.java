package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that sends requests and leaves without reading the replies (a host ending on
 * Ctrl+C): the service still carries out everything it sent, up to the last request.
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
}
