package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.notify.NotifyLauncher;
import org.drizzle.engine.notify.windows.WindowsNotifyLauncher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notify programs through WindowsNotifyLauncher: WTSQueryUserToken for this process's session,
 * CreateProcessAsUser with the quoted command line, WaitForSingleObject, GetExitCodeProcess, and
 * TerminateProcess at the time limit. The program is a JVM that records the argv it parsed.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class NotifyProgramWindowsTest {
    private static final Owner OWNER = new Owner(1000, System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void argumentsWithSpacesQuotesAndBackslashesArriveExactly() throws Exception {
        Path result = dir.resolve("argv with space.bin");
        List<String> args = List.of("plain", "two words", "say \"hi\"", "C:\\Program Files\\", "trailing\\",
                "\\\\server\\share\\x", "", "tab\there", "quote\\\"mid", "exit=7");
        List<String> cmd = new ArrayList<>(ChildJava.command(ArgvProbe.class, result.toString()));
        cmd.addAll(args);

        NotifyLauncher.Outcome outcome = new WindowsNotifyLauncher(OwnToken::of)
                .run(cmd, OWNER, Duration.ofSeconds(60));

        assertThat(outcome.timedOut()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(7);
        assertThat(received(result)).containsExactlyElementsOf(args);
    }

    @Test
    void aProgramOverItsTimeLimitIsTerminated() throws Exception {
        Path result = dir.resolve("slow.bin");
        long start = System.nanoTime();
        NotifyLauncher.Outcome outcome = new WindowsNotifyLauncher(OwnToken::of)
                .run(ChildJava.command(ArgvProbe.class, result.toString(), "sleep"), OWNER, Duration.ofSeconds(8));

        assertThat(outcome.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anOwnerWithoutASessionGetsAClearError() {
        assertThatThrownBy(() -> new WindowsNotifyLauncher().run(List.of("C:\\windows\\system32\\cmd.exe"),
                new Owner(4242, "NOBODY\\dzwin-ghost"), Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("dzwin-ghost has no logged-on session");
    }

    private static List<String> received(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int n = in.readInt();
            List<String> args = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                args.add(in.readUTF());
            }
            return args;
        }
    }
}
