package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 7 against the machine service (root only): Suspend a job, take away, cut or
 * replace its temp file, Resume: the file restarts and completes with the server's bytes, never
 * as Transferred with zeros or someone else's bytes in it.
 */
class TempFileResumeSecurityTest {
    static final int LENGTH = 2_000_000;
    static FilesSecurityService fx;
    static FilesSecurityService.User alice;
    static FaultServer http;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates users and runs the machine service");
        fx = new FilesSecurityService();
        alice = fx.user("a");
        http = FaultServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    /** What the owner (or anyone with her rights) does to the temp file while the job is suspended. */
    interface Tamper {
        void apply(Path temp, long recorded) throws Exception;
    }

    private void resumesWithTheServersBytes(String name, Tamper tamper) throws Exception {
        Resource r = http.resource("/" + name).generated(LENGTH).slow(600_000);
        Path dest = alice.home().resolve(name + ".bin");
        String id = alice.ok("download", name, http.uri("/" + name).toString(), dest.toString()).asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> alice.get(id).get("transferred").asLong() >= 400_000);
        alice.ok("suspend", id);
        JsonNode suspended = alice.await(id, Duration.ofSeconds(10), "SUSPENDED");
        long recorded = suspended.get("transferred").asLong();
        Path temp = Path.of(suspended.get("temp").asText());
        assertThat(recorded).isBetween(400_000L, (long) LENGTH - 1);
        assertThat(Files.size(temp)).isGreaterThanOrEqualTo(recorded);

        tamper.apply(temp, recorded);
        alice.ok("resume", id);
        alice.await(id, Duration.ofSeconds(60), "TRANSFERRED");
        assertThat(alice.ok("complete", id).asText()).isEqualTo("ACKNOWLEDGED");
        byte[] got = Files.readAllBytes(dest);
        assertThat(got.length).isEqualTo(LENGTH);
        assertThat(Arrays.equals(got, r.content().bytes())).as("%s: the file equals the server's", name).isTrue();
    }

    @Test
    void aDeletedTempFileRestartsTheFile() throws Exception {
        resumesWithTheServersBytes("deleted", (temp, recorded) -> Files.delete(temp));
    }

    @Test
    void aTruncatedTempFileRestartsTheFile() throws Exception {
        resumesWithTheServersBytes("truncated", (temp, recorded) -> {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.truncate(recorded / 2);
            }
        });
    }

    @Test
    void aReplacedTempFileRestartsTheFile() throws Exception {
        resumesWithTheServersBytes("replaced", (temp, recorded) -> {
            // Same length, same owner, other bytes: only the file's identity tells it apart.
            Path other = temp.resolveSibling("other.tmp");
            byte[] garbage = new byte[(int) Files.size(temp)];
            Arrays.fill(garbage, (byte) 0x55);
            Files.write(other, garbage);
            new ProcessBuilder("chown", alice.account.name() + ":", other.toString()).start().waitFor();
            Files.move(other, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }
}
