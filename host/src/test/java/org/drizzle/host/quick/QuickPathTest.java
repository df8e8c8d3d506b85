package org.drizzle.host.quick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.EngineAssembly;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.WireLimits;
import org.drizzle.engine.service.ServiceMain;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick path end to end: a real per-user service process (host on its class path, so the
 * quick extension loads) and the real {@link QuickClient} process, as bin/drizzle starts them.
 */
class QuickPathTest {
    @TempDir
    static Path dir;
    static Process service;
    static Path socket;
    static Path portFile;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void startService() throws Exception {
        assumeTrue(Files.isReadable(TcpConnectionOwner.TCP), "the quick path checks uids in Linux's /proc/net/tcp");
        socket = dir.resolve("user.sock");
        portFile = QuickProtocol.portFileFor(socket);
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(EngineAssembly.JVM_OPTIONS);
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), ServiceMain.class.getName(),
                "run", "--user", "--socket", socket.toString(), "--store", dir.resolve("store").toString(),
                "--config", dir.resolve("etc").toString(), "--session-source", "none", "--idle-exit", "0"));
        service = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("service.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(portFile) || !service.isAlive());
        assertThat(service.isAlive()).as("service log: %s", log()).isTrue();
    }

    @AfterAll
    static void stopService() throws Exception {
        if (service != null) {
            service.destroy(); // SIGTERM: a clean stop removes the socket and the port file
            assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(portFile).doesNotExist();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String log() throws IOException {
        return Files.readString(dir.resolve("service.log"));
    }

    private static ProcessBuilder client(Path ports, Path cwd, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "-Ddrizzle.quick.marker=" + dir.resolve("exit254-marker"), QuickClient.class.getName(), ports.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
        pb.environment().put("DRIZZLE_HOME", dir.toString());
        pb.environment().putAll(env);
        return pb;
    }

    private static Run quick(Path ports, Path cwd, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = client(ports, cwd, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Run quick(String... args) throws Exception {
        return quick(portFile, dir, Map.of(), args);
    }

    @Test
    void getBitsTransferListsTheServiceJobs() throws Exception {
        try (RemoteEngine engine = RemoteEngine.connect(socket)) {
            engine.createJob("made-through-the-service", JobType.DOWNLOAD, new JobOptions());
        }
        Run r = quick("Get-BitsTransfer");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("JobId", "made-through-the-service", "Suspended");
        Run json = quick("-OutputFormat", "Json", "-Command", "Get-BitsTransfer -Name made-through-* | Select-Object DisplayName");
        assertThat(json.out().replaceAll("\\s", "")).contains("\"DisplayName\":\"made-through-the-service\"");
    }

    @Test
    void aFailingCommandGivesItsExitCodeAndErrorText() throws Exception {
        Run r = quick("Get-BitsTransfer", "-JobId", "00000000-0000-0000-0000-000000000001");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("00000000-0000-0000-0000-000000000001");
        assertThat(r.out()).isEmpty();
        Run exit = quick("-Command", "Write-Output before; exit 7");
        assertThat(exit.code()).isEqualTo(7);
        assertThat(exit.out()).isEqualTo("before" + System.lineSeparator());
        Run parse = quick("-Command", "if (1 {");
        assertThat(parse.code()).isEqualTo(1);
        assertThat(parse.err()).contains("<command>");
        Run badOption = quick("-OutputFormat", "Xml", "-Command", "1");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("'Xml'");
    }

    @Test
    void aScriptWithArgumentsRunsInTheCallersFolderAndEnvironment() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("sub/s.ps1"), """
                param([Parameter(Mandatory)][string]$Name, [int]$Times = 1)
                Set-Content -Path made.txt -Value ($Name * $Times)
                "root=$PSScriptRoot"
                "env=$env:QUICK_TEST_VALUE"
                "where=$((Get-Location).Path)"
                /bin/sh -c 'echo native-out; echo native-err >&2'
                "after-native"
                """);
        Run r = quick(portFile, work, Map.of("QUICK_TEST_VALUE", "from-the-client"), "sub/s.ps1", "-Name", "ab", "-Times", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(work.resolve("made.txt")).trim()).isEqualTo("ababab");
        assertThat(r.out()).contains("root=" + work.resolve("sub"), "env=from-the-client", "where=" + work);
        // a native program's output reaches the caller (not the service's log), in order
        assertThat(r.out()).contains("native-out" + System.lineSeparator() + "after-native");
        assertThat(r.err()).contains("native-err");
    }

    @Test
    void aSynchronousDownloadLandsRelativeToTheCallersFolder() throws Exception {
        Path work = Files.createDirectories(dir.resolve("download"));
        try (FaultServer http = FaultServer.start()) {
            http.resource("/f.bin").generated(200_000);
            Run r = quick(portFile, work, Map.of(), "Start-BitsTransfer", "-Source", http.uri("/f.bin").toString(),
                    "-Destination", "./f.bin", "-DisplayName", "quick-sync");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(work.resolve("f.bin")).hasSize(200_000);
        }
    }

    @Test
    void ctrlCCancelsASynchronousTransfer() throws Exception {
        Path work = Files.createDirectories(dir.resolve("cancel"));
        try (FaultServer http = FaultServer.start(); RemoteEngine engine = RemoteEngine.connect(socket)) {
            http.resource("/slow.bin").generated(5_000_000).slow(100_000);
            Path out = dir.resolve("cancel.out");
            Path err = dir.resolve("cancel.err");
            Process p = client(portFile, work, Map.of(), "-Command", "Start-BitsTransfer -Source " + http.uri("/slow.bin")
                    + " -Destination slow.bin -DisplayName quick-cancel; 'after the transfer'")
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            await().atMost(Duration.ofSeconds(30)).until(() -> engine.listJobs(false).stream()
                    .anyMatch(j -> j.displayName().equals("quick-cancel") && j.progress().bytesTransferred() > 0));
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            // the command stopped, and what the script wrote afterwards and its exit code still came
            // back (Ctrl+C interrupts the command's thread; that must not close the connection)
            assertThat(Files.readString(err)).doesNotContain("lost the connection");
            assertThat(Files.readString(out)).contains("after the transfer");
            assertThat(p.exitValue()).isZero();
            List<JobInfo> left = engine.listJobs(false).stream().filter(j -> j.displayName().equals("quick-cancel")).toList();
            assertThat(left).allMatch(j -> j.state() == JobState.CANCELLED);
            assertThat(work.resolve("slow.bin")).doesNotExist();
        }
    }

    @Test
    void withoutAServiceOrForWhatItCannotServeTheClientFallsBackHavingRunNothing() throws Exception {
        Run none = quick(dir.resolve("no-such-quick.port"), dir, Map.of(), "Get-BitsTransfer");
        assertThat(none).isEqualTo(new Run(QuickProtocol.FALLBACK_EXIT, "", ""));
        assertThat(quick()).isEqualTo(new Run(QuickProtocol.FALLBACK_EXIT, "", ""));
        assertThat(quick("-Command", "-")).isEqualTo(new Run(QuickProtocol.FALLBACK_EXIT, "", ""));
        assertThat(quick("-Engine", "Embedded", "Get-BitsTransfer")).isEqualTo(new Run(QuickProtocol.FALLBACK_EXIT, "", ""));
        assertThat(quick(portFile, dir, Map.of("NO_COLOR", "1"), "Get-BitsTransfer").code())
                .isEqualTo(System.getenv("NO_COLOR") == null ? QuickProtocol.FALLBACK_EXIT : 0);
    }

    @Test
    void aCommandThatReallyExits254LeavesTheMarkerSoItIsNotRunTwice() throws Exception {
        Path marker = dir.resolve("exit254-marker");
        Files.deleteIfExists(marker);
        Run r = quick("-Command", "exit 254");
        assertThat(r.code()).isEqualTo(254);
        assertThat(marker).exists();
        Files.delete(marker);
        quick(dir.resolve("no-such-quick.port"), dir, Map.of(), "Get-BitsTransfer");
        assertThat(marker).doesNotExist();
    }

    @Test
    void thePortFileIsPrivateAndNamesALoopbackPortAndAToken() throws Exception {
        assertThat(Files.getPosixFilePermissions(portFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(portFile)).matches("\\d{1,5} [0-9a-f]{32} [0-9a-f]{32}\n");
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port()))) {
            byte[] hello = new FramedConnection(ch, WireLimits.trusting(1024), 4, "test").read();
            assertThat(hello[0]).isEqualTo((byte) QuickProtocol.VERSION);
            assertThat(new String(hello, 1, hello.length - 1)).isEqualTo(published()[2]);
        }
    }

    @Test
    void aWrongTokenIsRefusedAndNothingRuns() throws Exception {
        Path forged = dir.resolve("forged.port");
        writePrivate(forged, port() + " " + "0".repeat(32) + " " + published()[2] + "\n");
        Path made = dir.resolve("forged-made.txt");
        Run r = quick(forged, dir, Map.of(), "-Command", "Set-Content -Path " + made + " -Value x");
        assertThat(r).isEqualTo(new Run(QuickProtocol.FALLBACK_EXIT, "", ""));
        assertThat(made).doesNotExist();
        await().atMost(Duration.ofSeconds(5)).until(() -> log().contains("wrong token"));
    }

    @Test
    void aRequestWithoutTheTokenFrameIsRefused() throws Exception {
        Path made = dir.resolve("untokened-made.txt");
        byte[] request = new QuickRequest(List.of("-Command", "Set-Content -Path " + made + " -Value x"), dir.toString(),
                System.getenv(), false).encode();
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port()))) {
            FramedConnection wire = new FramedConnection(ch, WireLimits.trusting(1 << 20), 4, "test");
            assertThat(wire.read()[0]).isEqualTo((byte) QuickProtocol.VERSION);
            wire.send(QuickProtocol.frame(QuickProtocol.REQUEST, request, 0, request.length));
            assertThat(wire.read()).as("the service hangs up without answering").isNull();
        }
        assertThat(made).doesNotExist();
        assertThat(log()).contains("its first frame is not the token");
    }

    @Test
    void anotherUserWithTheRightTokenIsRefusedByItsKernelReportedUid() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates a user and connects as that user");
        String token = published()[1];
        try (ThrowawayUsers users = new ThrowawayUsers()) {
            Account eve = users.create("dzq");
            // eve knows the token (as if the port file had leaked) and sends it as the first frame, then
            // prints whatever the service answers: the uid check must refuse her before any byte comes back
            String frame = "{ printf '\\000\\000\\000\\041A%s' " + token + " >&3; } 2>/dev/null";
            Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=" + eve.uid(), "--regid=" + eve.gid(), "--clear-groups",
                    "/usr/bin/timeout", "10", "/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port() + "; " + frame + "; od -An -c <&3 2>/dev/null")
                    .directory(Path.of("/").toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output.trim()).as("bytes the service sent eve").isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> log().contains("refused uid " + eve.uid()));
        }
    }

    @Test
    void theClientSendsNothingToAListenerThatCannotShowTheServiceToken() throws Exception {
        // a port left in a stale port file, now taken by another program that speaks the protocol
        try (ServerSocketChannel squatter = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            Path stale = dir.resolve("stale.port");
            writePrivate(stale, ((InetSocketAddress) squatter.getLocalAddress()).getPort() + " " + "1".repeat(32) + " "
                    + "2".repeat(32) + "\n");
            Process p = client(stale, dir, Map.of("QUICK_SECRET", "not for others"), "Get-BitsTransfer").start();
            try (SocketChannel ch = squatter.accept()) {
                ByteBuffer hello = ByteBuffer.allocate(5 + QuickProtocol.TOKEN_LENGTH).putInt(1 + QuickProtocol.TOKEN_LENGTH)
                        .put((byte) QuickProtocol.VERSION).put("3".repeat(QuickProtocol.TOKEN_LENGTH).getBytes());
                ch.write(hello.flip());
                assertThat(ch.socket().getInputStream().readAllBytes()).as("what the client sent the squatter").isEmpty();
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(QuickProtocol.FALLBACK_EXIT);
        }
    }

    /** A port file as the service writes it: 0600 in the caller's private folder. */
    static void writePrivate(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    static String[] published() throws IOException {
        return Files.readString(portFile).trim().split(" ");
    }

    static int port() throws IOException {
        return Integer.parseInt(published()[0]);
    }

    @Test
    void theRequestRoundTripsThroughItsEncoding() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("A", "1", "LANG", "C.UTF-8", "EMPTY", ""));
        QuickRequest r = new QuickRequest(List.of("-Command", "'é' + \"x\"", ""), "/tmp", env, true);
        assertThat(QuickRequest.decode(r.encode())).isEqualTo(r);
    }
}
