package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * WindowsEventLog through RegisterEventSource/ReportEvent/DeregisterEventSource, in a child JVM.
 * Wine stores no events but prints each one on its eventlog debug channel (WINEDEBUG=+eventlog) to
 * the Unix stderr, which .ci/windows copies to the file named by DRIZZLE_WINE_STDERR; the test
 * reads the messages there. On Windows the child must just succeed.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class EventLogWindowsTest {

    @Test
    void eventsReachTheEventLogWithTheirSeverity() throws Exception {
        String tag = UUID.randomUUID().toString();
        // (java.lang.ProcessBuilder does not escape quotes inside arguments on Windows: none here.)
        ChildJava.Result r = ChildJava.run(Map.of("WINEDEBUG", "-all,+eventlog"), EventLogProbe.class,
                "JOB_CREATED", "Job created " + tag, "JOB_ERROR", "Job failed on D: disk full " + tag,
                "ACCESS_REFUSED", "Access refused to bob " + tag);
        assertThat(r.exitCode()).as("probe exit code; stderr: %s", r.stderr()).isZero();

        if (!Wine.running()) {
            return;
        }
        String traceFile = System.getenv("DRIZZLE_WINE_STDERR");
        assumeTrue(traceFile != null, "Wine's eventlog trace is read only in the .ci/windows lane (DRIZZLE_WINE_STDERR)");
        String trace = Files.readString(Path.of(traceFile), StandardCharsets.ISO_8859_1);
        // Wine's ReportEventW: TRACE for information, ERR for errors, WARN for warnings.
        assertThat(trace).contains("trace:eventlog:ReportEventW L\"Job created " + tag + "\"")
                .contains("err:eventlog:ReportEventW L\"Job failed on D: disk full " + tag + "\"")
                .contains("warn:eventlog:ReportEventW L\"Access refused to bob " + tag + "\"");
    }
}
