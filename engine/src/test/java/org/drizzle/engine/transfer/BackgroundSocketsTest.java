package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.idle.BackgroundSocketTuner;
import org.drizzle.engine.idle.DelaySignal;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HttpTransport with a {@link BackgroundSocketTuner}: a background job's connection keeps the
 * tuner's locked 64 KiB receive buffer (the kernel reports twice that, {@code rb131072}) after
 * 8 MB, while a foreground job's connection is autotuned past it. Read from the kernel with
 * {@code ss -tm} on the kept-alive connections.
 */
class BackgroundSocketsTest {
    private static final Pattern RB = Pattern.compile("rb(\\d+)");

    @TempDir
    Path dir;
    private final FaultServer backgroundServer = FaultServer.start();
    private final FaultServer foregroundServer = FaultServer.start();
    private final HttpTransport transport = new HttpTransport(Throttle.UNLIMITED, Duration.ofSeconds(10),
            new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false, new DelaySignal()));

    @AfterEach
    void close() {
        transport.close();
        backgroundServer.close();
        foregroundServer.close();
    }

    /** The receive buffer (skmem rb) of this process's connection to {@code port}. */
    private static long receiveBuffer(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("/usr/bin/ss", "-tmnH", "state", "established", "( dport = :" + port + " )")
                .redirectErrorStream(true).start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        Matcher m = RB.matcher(out);
        assertThat(m.find()).as("ss output for port %d: %s", port, out).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void backgroundConnectionsKeepTheSmallReceiveBufferAndForegroundOnesAreAutotuned() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ss")), "needs ss (iproute2)");
        backgroundServer.resource("/bg.bin").generated(8L * 1024 * 1024);
        foregroundServer.resource("/fg.bin").generated(8L * 1024 * 1024);

        TestSession background = new TestSession(backgroundServer.uri("/bg.bin"), dir.resolve("bg.bin"));
        background.priority = Priority.LOW;
        transport.transfer(background);
        TestSession foreground = new TestSession(foregroundServer.uri("/fg.bin"), dir.resolve("fg.bin"));
        foreground.priority = Priority.FOREGROUND;
        transport.transfer(foreground);

        assertThat(Files.size(dir.resolve("bg.bin"))).isEqualTo(8L * 1024 * 1024);
        assertThat(receiveBuffer(backgroundServer.port())).as("background rb").isEqualTo(2L * BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER);
        assertThat(receiveBuffer(foregroundServer.port())).as("foreground rb").isGreaterThan(2L * BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER);
    }
}
