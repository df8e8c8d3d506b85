package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
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
 * refused at once instead of hanging or exhausting the engine; through the machine service the
 * file is opened as its owner (a file only root may read is E_ACCESSDENIED).
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

    /** The same through the machine service, acting as a throwaway user (root only). */
    @Test
    void throughTheMachineServiceAsTheOwner() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT,
                "needs root: the machine service and a throwaway user (useradd)");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path fifo = shared.resolve("reply.fifo");
        assertThat(new ProcessBuilder("mkfifo", "-m", "666", fifo.toString()).start().waitFor()).isZero();
        Path source = Files.writeString(shared.resolve("source.txt"), "payload");
        Path small = Files.writeString(shared.resolve("small.reply"), "the reply");
        Path secret = Files.writeString(shared.resolve("root-only.reply"), "secret");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        try (ThrowawayUsers users = new ThrowawayUsers();
             UserJvm jvm = new UserJvm(); LoggedServiceProcess service = LoggedServiceProcess.start(dir.resolve("service"))) {
            Account user = users.create("dzmc");
            String socket = service.socket.toString();
            long t0 = System.nanoTime();
            assertThat(jvm.run(user, OwnerClient.class, socket, "reply", source.toString(), fifo.toString()))
                    .startsWith("ERR " + ErrorCodes.hex(ErrorCodes.E_INVALIDARG)).contains("not a regular file");
            assertThat(jvm.run(user, OwnerClient.class, socket, "reply", source.toString(), "/dev/zero"))
                    .startsWith("ERR " + ErrorCodes.hex(ErrorCodes.E_INVALIDARG)).contains("/dev/zero");
            assertThat(jvm.run(user, OwnerClient.class, socket, "reply", source.toString(), secret.toString()))
                    .startsWith("ERR " + ErrorCodes.hex(ErrorCodes.E_ACCESSDENIED));
            assertThat(jvm.run(user, OwnerClient.class, socket, "reply", source.toString(), small.toString()))
                    .isEqualTo("OK 9 bytes");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
        }
    }
}
