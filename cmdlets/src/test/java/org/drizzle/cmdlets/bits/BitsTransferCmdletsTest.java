package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.api.ParameterBindingException;
import org.drizzle.cmdlets.api.PipelineStoppedException;
import org.drizzle.cmdlets.lang.Comparison;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BitsTransfer cmdlets against a real embedded engine and a loopback HTTP server. */
class BitsTransferCmdletsTest {
    @TempDir
    Path dir;
    LocalEngine engine;
    EngineClient client;
    FaultServer server;
    TestHost host;

    @BeforeEach
    void setUp() throws Exception {
        engine = LocalEngine.open(EngineConfig.builder(dir.resolve("store"))
                .notificationInterval(Duration.ofMillis(100)).build());
        client = engine.client(Principal.current());
        server = FaultServer.start();
        Files.createDirectories(dir.resolve("work"));
        host = new TestHost(dir.resolve("work"), client);
    }

    @AfterEach
    void tearDown() {
        server.close();
        engine.close();
    }

    private String url(String path, long size) {
        server.resource(path).generated(size);
        return server.httpUri(path).toString();
    }

    private List<Object> jobs() {
        return host.run(cmd("Get-BitsTransfer"));
    }

    @Test
    void synchronousDownloadWaitsCompletesAndReportsProgress() throws Exception {
        String src = url("/file.bin", 200_000);
        List<Object> out = host.run(cmd("Start-BitsTransfer", src, "file.bin"));
        assertThat(out).isEmpty();
        assertThat(Files.readAllBytes(dir.resolve("work/file.bin"))).isEqualTo(server.resource("/file.bin").content().bytes());
        assertThat(host.errors).isEmpty();
        assertThat(host.progress).isNotEmpty();
        assertThat(host.progress.get(host.progress.size() - 1).completed()).isTrue();
        assertThat(jobs()).isEmpty();
    }

    @Test
    void destinationFolderAndDefaultDestinationUseTheSourceFileName() throws Exception {
        Files.createDirectory(dir.resolve("work/sub"));
        host.run(cmd("Start-BitsTransfer", p("Source", List.of(url("/a.txt", 10), url("/b.txt", 20))),
                p("Destination", "sub")));
        assertThat(dir.resolve("work/sub/a.txt")).hasSize(10);
        assertThat(dir.resolve("work/sub/b.txt")).hasSize(20);
        host.run(cmd("Start-BitsTransfer", url("/c.txt", 5)));
        assertThat(dir.resolve("work/c.txt")).hasSize(5);
    }

    @Test
    void asynchronousReturnsALiveJobToPollAndComplete() throws Exception {
        String src = url("/async.bin", 50_000);
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", src, "async.bin", sw("Asynchronous"),
                p("DisplayName", "Nightly"))).get(0);
        assertThat(job.getProperty("Priority")).isEqualTo(Priority.FOREGROUND);
        assertThat(job.getProperty("displayname")).isEqualTo("Nightly");
        await().atMost(Duration.ofSeconds(30)).until(() -> Comparison.areEqual(job.getProperty("JobState"), "transferred", false));
        assertThat(job.getProperty("BytesTransferred")).isEqualTo(50_000L);
        assertThat(Comparison.compare(job.getProperty("BytesTotal"), BitsJob.UINT64_MAX, false)).isNegative();
        assertThat(Members.getProperty(job.getProperty("FileList"), "LocalName"))
                .isEqualTo(dir.resolve("work/async.bin").toString());
        host.run(List.of(job), cmd("Complete-BitsTransfer"));
        assertThat(job.getProperty("JobState")).isEqualTo(JobState.ACKNOWLEDGED);
        assertThat(dir.resolve("work/async.bin")).hasSize(50_000);
    }

    @Test
    void aFailedSynchronousTransferReportsTheJobErrorAndLeavesTheJob() {
        server.resource("/missing").failAlways(404);
        host.run(cmd("Start-BitsTransfer", server.httpUri("/missing").toString(), "missing"));
        assertThat(host.errors).singleElement().satisfies(e -> {
            assertThat(e.hresult()).isNotZero();
            assertThat(e.targetObject()).isInstanceOf(BitsJob.class);
        });
        List<Object> left = jobs();
        assertThat(left).singleElement().satisfies(j -> {
            assertThat(Members.getProperty(j, "JobState")).isEqualTo(JobState.ERROR);
            assertThat(Members.getProperty(j, "ErrorDescription")).isNotNull();
            assertThat((String) Members.getProperty(j, "ErrorContext")).startsWith("BG_ERROR_CONTEXT_");
        });
        host.run(left, cmd("Remove-BitsTransfer"));
        assertThat(jobs()).isEmpty();
        assertThatThrownBy(() -> host.run(cmd("Start-BitsTransfer", server.httpUri("/missing").toString(), "m2",
                p("ErrorAction", "Stop")))).isInstanceOf(CommandException.class);
    }

    @Test
    void importCsvRowsMakeOneJobEach() throws Exception {
        Files.writeString(dir.resolve("work/list.csv"), "Source,Destination\n" + url("/r1", 100) + ",r1\n"
                + url("/r2", 200) + ",r2\n");
        host.run(cmd("Import-Csv", "list.csv"), cmd("Start-BitsTransfer", sw("Asynchronous")));
        List<Object> js = jobs();
        assertThat(js).hasSize(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs().stream()
                .allMatch(j -> Members.getProperty(j, "JobState") == JobState.TRANSFERRED));
        host.run(jobs(), cmd("Complete-BitsTransfer"));
        assertThat(dir.resolve("work/r1")).hasSize(100);
        assertThat(dir.resolve("work/r2")).hasSize(200);
    }

    @Test
    void suspendedJobGetsFilesAndResumesSynchronously() {
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", url("/s1", 10), "s1", sw("Suspended"))).get(0);
        assertThat(job.getProperty("JobState")).isEqualTo(JobState.SUSPENDED);
        host.run(cmd("Add-BitsFile", job, url("/s2", 20), "s2"));
        assertThat(job.getProperty("FilesTotal")).isEqualTo(2);
        host.run(List.of(job), cmd("Resume-BitsTransfer"));
        assertThat(job.getProperty("JobState")).isEqualTo(JobState.ACKNOWLEDGED);
        assertThat(dir.resolve("work/s2")).hasSize(20);
    }

    @Test
    void getByNameAndIdSetPropertiesAndWhatIf() {
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", url("/g", 10), "g", sw("Suspended"),
                p("DisplayName", "Nightly-1"))).get(0);
        assertThat(host.run(cmd("Get-BitsTransfer", "nightly*"))).containsExactly(job);
        assertThat(host.run(cmd("Get-BitsTransfer", p("JobId", job.getProperty("JobId"))))).containsExactly(job);
        host.run(cmd("Get-BitsTransfer", "NoSuchJob"));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.errorId()).isEqualTo("JobNotFound"));
        host.run(List.of(job), cmd("Set-BitsTransfer", p("Priority", "low"), p("Description", "d"),
                p("RetryInterval", 120)));
        assertThat(job.getProperty("Priority")).isEqualTo(Priority.LOW);
        assertThat(job.getProperty("RetryInterval")).isEqualTo(120);
        job.setProperty("Description", "changed");
        assertThat(job.getProperty("Description")).isEqualTo("changed");
        host.run(List.of(job), cmd("Remove-BitsTransfer", sw("WhatIf")));
        assertThat(host.console.toString()).contains("What if: Performing the operation \"Remove-BitsTransfer\"");
        assertThat(jobs()).hasSize(1);
        host.run(List.of(job), cmd("Suspend-BitsTransfer"));
        host.run(cmd("Remove-BitsTransfer", job, new org.drizzle.cmdlets.api.Argument("Confirm", false, true, false)));
        assertThat(jobs()).isEmpty();
    }

    @Test
    void badInputIsRefusedBeforeAnyJobIsCreated() {
        String src = url("/x", 10);
        assertThatThrownBy(() -> host.run(cmd("Start-BitsTransfer", src, "x", p("Priority", "Urgent"))))
                .isInstanceOf(ParameterBindingException.class).hasMessageContaining("Foreground, High, Normal, Low");
        assertThatThrownBy(() -> host.run(cmd("Start-BitsTransfer", src, "x", p("CertStoreLocation", "LOCAL_MACHINE"))))
                .hasMessageContaining("not supported on this platform");
        assertThatThrownBy(() -> host.run(cmd("Start-BitsTransfer", src, "x", p("Authentication", "Passport"))))
                .hasMessageContaining("not supported on this platform");
        assertThatThrownBy(() -> host.run(cmd("Start-BitsTransfer", src, "x", p("RetryInterval", 10))))
                .hasMessageContaining("minimum allowed range of 60");
        host.run(cmd("Start-BitsTransfer", p("Source", List.of(src, src)), p("Destination", List.of("a", "b", "c"))));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("does not match"));
        host.run(cmd("Start-BitsTransfer", src.replace("/x", "/*.bin"), "x"));
        assertThat(host.errors.get(1).message()).contains("wildcard");
        assertThat(jobs()).isEmpty();
    }

    @Test
    void localWildcardSourcesCopyIntoAFolder() throws Exception {
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("src/a.log"), "aa");
        Files.writeString(dir.resolve("src/b.log"), "bbb");
        Files.writeString(dir.resolve("src/c.txt"), "c");
        Files.createDirectories(dir.resolve("work/backup"));
        host.run(cmd("Start-BitsTransfer", dir.resolve("src").toString() + "/*.log", "backup"));
        assertThat(host.errors).isEmpty();
        assertThat(dir.resolve("work/backup/a.log")).hasContent("aa");
        assertThat(dir.resolve("work/backup/b.log")).hasContent("bbb");
        assertThat(dir.resolve("work/backup/c.txt")).doesNotExist();
    }

    @Test
    void ctrlCCancelsASynchronousTransfer() throws Exception {
        server.resource("/slow").generated(10_000_000).slow(50_000);
        CompletableFuture<List<Object>> sync = CompletableFuture.supplyAsync(() ->
                host.run(cmd("Start-BitsTransfer", server.httpUri("/slow").toString(), "slow")));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.listJobs(false).stream()
                .anyMatch(j -> j.state() == JobState.TRANSFERRING));
        host.stopping = true;
        // The engine stops a running transfer at a durable point before Cancel returns; allow for it.
        assertThatThrownBy(() -> sync.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(PipelineStoppedException.class);
        assertThat(client.listJobs(false)).isEmpty();
        assertThat(dir.resolve("work/slow")).doesNotExist();
    }

    @Test
    void credentialsReachTheServerButNeverTheOutput() throws Exception {
        server.resource("/secure").generated(1000).requireBasic("alice", "pa55word");
        Files.writeString(dir.resolve("work/pw"), "pa55word\n");
        Object cred = host.run(cmd("Get-Credential", p("UserName", "alice"), p("PasswordFile", "pw"))).get(0);
        host.run(cmd("Start-BitsTransfer", server.httpUri("/secure").toString(), "secure", p("Credential", cred),
                p("Authentication", "Basic")));
        assertThat(host.errors).isEmpty();
        assertThat(dir.resolve("work/secure")).hasSize(1000);
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", server.httpUri("/secure").toString(), "secure2",
                p("Credential", cred), p("Authentication", "Basic"), sw("Suspended"))).get(0);
        String shown = org.drizzle.cmdlets.format.Formatter.format(List.of(job), 200)
                + host.run(List.of(job), cmd("Format-List")).get(0)
                + host.run(List.of(job), cmd("ConvertTo-Json", p("Depth", 5))).get(0);
        assertThat(shown).contains(job.id().toString()).doesNotContain("pa55word");
    }

    @Test
    void aHeldJobObjectSeesProgressWithoutBeingFetchedAgain() {
        server.resource("/live").generated(400_000).slow(200_000);
        BitsJob job = (BitsJob) host.run(cmd("Start-BitsTransfer", server.httpUri("/live").toString(), "live",
                sw("Asynchronous"))).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Long) job.getProperty("BytesTransferred") > 0);
        long early = (Long) job.getProperty("BytesTransferred");
        await().atMost(Duration.ofSeconds(20)).until(() -> job.getProperty("JobState") == JobState.TRANSFERRED);
        assertThat((Long) job.getProperty("BytesTransferred")).isGreaterThan(early).isEqualTo(400_000L);
        assertThat(job.getProperty("BytesTotal")).isEqualTo(400_000L);
    }

    @Test
    void unknownSizesReadAsUInt64MaxValue() {
        assertThat(BitsFile.bytes(org.drizzle.engine.job.JobProgress.UNKNOWN)).isEqualTo(BitsJob.UINT64_MAX);
        assertThat(BitsJob.UINT64_MAX.toString()).isEqualTo("18446744073709551615");
        assertThat(Comparison.areEqual(BitsFile.bytes(-1), new java.math.BigInteger("18446744073709551615"), false)).isTrue();
    }

    @Test
    void uploadJobSendsOneLocalFileToABitsServer() throws Exception {
        Path root = Files.createDirectories(dir.resolve("server-root"));
        try (org.drizzle.engine.server.BitsServer bits = org.drizzle.engine.server.BitsServer.builder()
                .virtualDirectory(org.drizzle.engine.server.VirtualDirectory.of("/upload", root)).build().start()) {
            Files.write(dir.resolve("work/report.bin"), new byte[70_000]);
            String target = bits.baseUri().resolve("/upload/report.bin").toString();
            host.run(cmd("Start-BitsTransfer", "report.bin", target, p("TransferType", "Upload")));
            assertThat(host.errors).isEmpty();
            assertThat(root.resolve("report.bin")).hasSize(70_000);
            host.run(cmd("Start-BitsTransfer", p("Source", List.of("report.bin", "report.bin")), p("Destination",
                    List.of(target, target)), p("TransferType", "Upload")));
            assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("exactly one file"));
        }
    }
}
