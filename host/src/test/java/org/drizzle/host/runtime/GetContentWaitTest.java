package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Get-Content -Wait follows a growing file until the pipeline stops: Select-Object -First stops the
 * commands before it (PowerShell's StopUpstreamCommands) while it and the commands after it still end.
 */
class GetContentWaitTest {
    @TempDir
    Path dir;

    private Thread appendLater(Path log, String... lines) {
        Thread t = new Thread(() -> {
            try {
                for (String l : lines) {
                    Thread.sleep(300);
                    Files.writeString(log, l, StandardOpenOption.APPEND);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void selectObjectFirstEndsTheWaitOnceItsLinesArrived() throws Exception {
        Path log = Files.writeString(dir.resolve("log.txt"), "one\n");
        Thread writer = appendLater(log, "two\nthr", "ee\n", "four\n");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new ScriptHarness().run(
                "Get-Content '" + log + "' -Wait | ForEach-Object { \"[$_]\" } | Select-Object -First 3"));
        writer.join();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("[one]", "[two]", "[three]");
    }

    @Test
    void theCommandsAfterSelectObjectStillEnd() throws Exception {
        Path log = Files.writeString(dir.resolve("log.txt"), "a\nb\nc\n");
        Thread writer = appendLater(log, "d\n");
        Result r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new ScriptHarness().run(
                "Get-Content '" + log + "' -Tail 1 -Wait | Select-Object -First 2 | Sort-Object -Descending; "
                        + "(1..1000000 | Select-Object -First 2 | Measure-Object).Count"));
        writer.join();
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("d", "c", "2");
    }
}
