package org.drizzle.host.bitsadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.host.HostSession;
import org.drizzle.host.console.TerminalUi;
import org.drizzle.host.runtime.ConsoleOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch-file style bitsadmin sequences, run for real against an engine and a loopback server. */
class BitsAdminScenarioTest {
    private static final Pattern CREATED = Pattern.compile("Created job (\\{[0-9A-F-]{36}})\\.");

    @TempDir
    Path dir;
    private FaultServer server;
    private BitsAdminRig rig;

    @BeforeEach
    void start() throws Exception {
        server = FaultServer.start();
        rig = new BitsAdminRig(dir.resolve("home"));
    }

    @AfterEach
    void stop() {
        rig.close();
        server.close();
    }

    private BitsAdminRig.Run ok(String... args) {
        BitsAdminRig.Run r = rig.run(List.of(args));
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out()).isZero();
        return r;
    }

    @Test
    void createParseTheGuidAddFilesSetPriorityResumePollTheRawStateAndComplete() throws Exception {
        List<Resource> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(server.resource("/f" + i + ".bin").generated(50_000 + i));
        }
        Matcher created = CREATED.matcher(ok("/create", "/download", "nightly").out());
        assertThat(created.find()).isTrue();
        String job = created.group(1);
        for (int i = 0; i < 3; i++) {
            ok("/addfile", job, server.uri("/f" + i + ".bin").toString(), dir.resolve("f" + i + ".bin").toString());
        }
        ok("/setpriority", job, "HIGH");
        ok("/resume", job);
        String state = "";
        for (int polls = 0; polls < 300 && !state.equals("TRANSFERRED"); polls++) {
            state = ok("/rawreturn", "/getstate", job).out();
            assertThat(state).isIn("QUEUED", "CONNECTING", "TRANSFERRING", "TRANSFERRED");
            Thread.sleep(100);
        }
        assertThat(state).isEqualTo("TRANSFERRED");
        assertThat(ok("/rawreturn", "/getfilestransferred", job).out()).isEqualTo("3");
        assertThat(ok("/complete", job).out()).contains("Job completed.");
        for (int i = 0; i < 3; i++) {
            assertThat(Sha.of(dir.resolve("f" + i + ".bin"))).isEqualTo(files.get(i).content().sha256());
        }
        assertThat(rig.engine().listJobs(false)).isEmpty();
    }

    @Test
    void transferWaitsPrintsProgressAndCompletes() throws Exception {
        Resource a = server.resource("/a.bin").generated(300_000);
        Resource b = server.resource("/b.bin").generated(7);
        BitsAdminRig.Run r = ok("/transfer", "sync job", "/priority", "foreground",
                server.uri("/a.bin").toString(), dir.resolve("a.bin").toString(),
                server.uri("/b.bin").toString(), dir.resolve("b.bin").toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Transfer complete.");
        assertThat(lines.get(lines.size() - 3)).isEqualTo("DISPLAY: 'sync job' TYPE: DOWNLOAD STATE: ACKNOWLEDGED");
        assertThat(lines.get(lines.size() - 2)).isEqualTo("PRIORITY: FOREGROUND FILES: 2 / 2 BYTES: 300007 / 300007 (100%)");
        assertThat(Sha.of(dir.resolve("a.bin"))).isEqualTo(a.content().sha256());
        assertThat(Sha.of(dir.resolve("b.bin"))).isEqualTo(b.content().sha256());
        assertThat(rig.engine().listJobs(false)).isEmpty();
    }

    @Test
    void aTransferThatFailsPrintsTheErrorCancelsAndExitsWithItsHresult() throws Exception {
        BitsAdminRig.Run r = rig.run(List.of("/transfer", "broken", "/priority", "FOREGROUND",
                server.uri("/missing.bin").toString(), dir.resolve("m.bin").toString()));
        assertThat(r.exitCode()).isEqualTo(ErrorCodes.fromHttpStatus(404));
        assertThat(r.out()).contains("ERROR CODE:    0x80190194 - HTTP status 404").contains("Transfer canceled.");
        assertThat(rig.engine().listJobs(false)).isEmpty();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("home");
        }
    }

    @Test
    void cancelDeletesTheTemporaryFile() throws Exception {
        server.resource("/slow.bin").generated(2_000_000).slow(100_000);
        ok("/create", "slow");
        ok("/addfile", "slow", server.uri("/slow.bin").toString(), dir.resolve("slow.bin").toString());
        ok("/setpriority", "slow", "FOREGROUND");
        ok("/resume", "slow");
        Path temp = Path.of(ok("/rawreturn", "/gettemporaryname", "slow", "0").out());
        await().atMost(Duration.ofSeconds(30)).until(() -> job("slow").progress().bytesTransferred() > 0 && Files.exists(temp));
        assertThat(ok("/cancel", "slow").out()).contains("Job canceled.");
        assertThat(temp).doesNotExist();
        assertThat(dir.resolve("slow.bin")).doesNotExist();
        assertThat(rig.engine().listJobs(false)).isEmpty();
    }

    @Test
    void badSwitchesPrintTheUsageExitNonZeroAndCreateNothing() {
        for (List<String> bad : List.of(List.of("/crate", "x"), List.of("/create"), List.of("/create", "/bogus", "x"),
                List.of("/transfer", "t", "/priority"), List.of("/addfile"), List.of("/transfer", "t", "http://h/a"))) {
            BitsAdminRig.Run r = rig.run(bad);
            assertThat(r.exitCode()).as(bad.toString()).isEqualTo(ErrorCodes.E_INVALIDARG);
            assertThat(r.out()).as(bad.toString()).contains("USAGE: BITSADMIN");
        }
        assertThat(rig.engine().listJobs(true)).isEmpty();
    }

    @Test
    void monitorListsTheJobsUntilInterrupted() throws Exception {
        ok("/create", "watched");
        BitsAdminRig.Run[] result = new BitsAdminRig.Run[1];
        Thread t = new Thread(() -> result[0] = rig.run(List.of("/monitor", "/refresh", "1")));
        t.start();
        Thread.sleep(1500);
        t.interrupt();
        t.join(10_000);
        assertThat(result[0].exitCode()).isZero();
        assertThat(result[0].out()).contains("MONITORING BACKGROUND COPY MANAGER(1 second refresh)")
                .containsPattern("\\{[0-9A-F-]{36}} 'watched' SUSPENDED 0 / 0 0 / 0");
    }

    @Test
    void jobsMadeWithBitsadminAreTheCmdletsJobs() {
        ok("/create", "shared");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        HostSession cmdlets = new HostSession(new TerminalUi(ps, ps, false), ps, ps, ConsoleOutput.Format.TEXT, rig::engine);
        int code = cmdlets.run("$j = Get-BitsTransfer | Where-Object DisplayName -eq 'shared'; "
                + "Set-BitsTransfer -BitsJob $j -Priority High -NotifyCmdLine '/bin/echo', 'echo hello \"two words\"' | Out-Null; "
                + "$j.JobId.ToString()", "<test>", false, List.of());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        String id = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(ok("/rawreturn", "/getpriority", "shared").out()).isEqualTo("HIGH");
        assertThat(ok("/rawreturn", "/getnotifycmdline", "{" + id.toUpperCase(java.util.Locale.ROOT) + "}").out())
                .isEqualTo("'/bin/echo' 'echo hello \"two words\"'");
        assertThat(ok("/rawreturn", "/getowner", "shared").out()).isEqualTo(rig.engine().caller().name());
    }

    @Test
    void aDisplayNameCannotForgeListLines() {
        rig.engine().createJob("evil\n{00000000-0000-0000-0000-000000000000} 'fake' TRANSFERRED 1 / 1 1 / 1\r", JobType.DOWNLOAD,
                new JobOptions());
        List<String> lines = ok("/list").out().lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("'evil?{00000000-0000-0000-0000-000000000000} 'fake' TRANSFERRED 1 / 1 1 / 1?' SUSPENDED");
    }

    private JobInfo job(String name) {
        return JobLookup.find(rig.engine(), name);
    }

    private static final class Sha {
        static String of(Path p) throws Exception {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        }
    }
}
