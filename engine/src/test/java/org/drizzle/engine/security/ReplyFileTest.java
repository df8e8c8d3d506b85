package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 12: GetReplyData reads the reply file only when it is a regular file, at most
 * 1 MB, and never blocks: a FIFO (no writer) and /dev/zero (endless) named as ReplyFileName are
 * refused at once instead of hanging or exhausting the engine.
 */
class ReplyFileTest {
    @TempDir
    Path dir;

    private JobId replyJob(EngineClient client, Path reply) throws Exception {
        Path source = Files.writeString(dir.resolve("source.txt"), "payload");
        JobInfo job = client.createJob("reply", JobType.UPLOAD_REPLY, new JobOptions());
        client.addFile(job.id(), "http://127.0.0.1:9/upload", source.toString(), null);
        client.setProperties(job.id(), new JobOptions().replyFileName(reply.toString()));
        return job.id();
    }

    private void refused(EngineClient client, JobId id, int code, String... words) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> client.getReplyData(id))
                .isInstanceOfSatisfying(BitsException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).contains(words);
                }));
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
        Path fifo = dir.resolve("reply.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        try (EngineFixture engine = new EngineFixture(dir.resolve("store"))) {
            EngineClient client = engine.client();
            refused(client, replyJob(client, fifo), ErrorCodes.E_INVALIDARG, fifo.toString(), "not a regular file");
        }
    }

    @Test
    void aDeviceIsNeverRead() throws Exception {
        try (EngineFixture engine = new EngineFixture(dir.resolve("store"))) {
            EngineClient client = engine.client();
            refused(client, replyJob(client, Path.of("/dev/zero")), ErrorCodes.E_INVALIDARG, "/dev/zero", "not a regular file");
        }
    }

    @Test
    void aLinkIsNotFollowedAndABigFileIsRefusedWithoutReadingIt() throws Exception {
        Path big = dir.resolve("big.reply");
        Files.write(big, new byte[1024 * 1024 + 1]);
        Path link = Files.createSymbolicLink(dir.resolve("link.reply"), big);
        Path small = Files.writeString(dir.resolve("small.reply"), "the reply");
        try (EngineFixture engine = new EngineFixture(dir.resolve("store"))) {
            EngineClient client = engine.client();
            refused(client, replyJob(client, big), ErrorCodes.BG_E_TOO_LARGE, "1048577 bytes", "at most 1 MB");
            refused(client, replyJob(client, link), ErrorCodes.E_INVALIDARG, "symbolic link");
            assertThat(client.getReplyData(replyJob(client, small))).isEqualTo("the reply".getBytes());
        }
    }
}
