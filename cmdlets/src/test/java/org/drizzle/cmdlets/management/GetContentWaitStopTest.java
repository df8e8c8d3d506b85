package org.drizzle.cmdlets.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.sw;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-Content -Wait ends on Ctrl+C and when its file is deleted; it refuses -Raw as PowerShell does. */
class GetContentWaitStopTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCEndsTheWait() throws Exception {
        Files.writeString(dir.resolve("log.txt"), "one\n");
        TestHost host = new TestHost(dir, null);
        new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            host.stopping = true;
        }).start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> host.run(cmd("Get-Content", "log.txt", sw("Wait")))).isInstanceOf(PipelineStoppedException.class));
    }

    @Test
    void aDeletedFileEndsTheWaitWithAnError() throws Exception {
        Path log = Files.writeString(dir.resolve("log.txt"), "one\n");
        TestHost host = new TestHost(dir, null);
        new Thread(() -> {
            try {
                Thread.sleep(400);
                Files.writeString(log, "two\n", java.nio.file.StandardOpenOption.APPEND);
                Thread.sleep(400);
                Files.delete(log);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).start();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> host.run(cmd("Get-Content", "log.txt", sw("Wait")))))
                .containsExactly("one", "two");
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("log.txt")
                .contains("was deleted"));
    }

    @Test
    void rawAndWaitTogetherAreRefused() throws Exception {
        Files.writeString(dir.resolve("log.txt"), "one\n");
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Get-Content", "log.txt", sw("Wait"), sw("Raw"))))
                .hasMessageContaining("The parameters Raw and Wait cannot be specified in the same command.");
    }
}
