package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.engine.TempPolicy;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bandwidth} method over a real service socket: RemoteEngine gets the same picture
 * the service's engine has (the running job with its rate and interface, the policy limits,
 * the loopback interface), and a job read over the socket carries its current rate; on the wire
 * the result has exactly the field names docs/protocol.md gives.
 */
class BandwidthProtocolTest {
    private static final long LIMIT = 200_000;

    @TempDir
    Path dir;
    private TempPolicy policy;

    @BeforeEach
    void movePolicy() throws Exception {
        policy = TempPolicy.in(dir).write(TempPolicy.allDay(LIMIT));
    }

    @AfterEach
    void restore() {
        policy.close();
    }

    @Test
    void remoteEngineBandwidthRoundTripsThroughTheService() throws Exception {
        try (FaultServer http = FaultServer.start();
             ServiceFixture fx = new ServiceFixture(dir.resolve("svc"), ServiceMode.USER).start();
             RemoteEngine remote = fx.connect()) {
            http.resource("/big.bin").generated(20L * 1024 * 1024);
            JobInfo created = remote.createJob("nightly", JobType.DOWNLOAD, new JobOptions().priority(Priority.LOW));
            JobId id = created.id();
            remote.addFile(id, http.httpUri("/big.bin").toString(), dir.resolve("big.bin").toString(), null);
            remote.resume(id);

            // The interface is watched from the governor's first question about the job's server.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                BandwidthReport r = remote.bandwidth();
                return r.jobs().stream().anyMatch(j -> j.id().equals(id) && j.rate() > 0 && "lo".equals(j.interfaceName()))
                        && r.interfaces().stream().anyMatch(l -> l.name().equals("lo"));
            });
            Instant before = Instant.now();
            BandwidthReport report = remote.bandwidth();
            assertThat(report.at()).isBetween(before.minusSeconds(5), before.plusSeconds(5));
            assertThat(report.estimating()).isTrue();
            assertThat(report.interfaces()).anySatisfy(l -> {
                assertThat(l.name()).isEqualTo("lo");
                assertThat(l.allowance()).isPositive();
                assertThat(l.capacitySource()).isNotNull();
            });
            assertThat(report.limits()).hasSize(3).allSatisfy(l -> {
                assertThat(l.limit()).isEqualTo(LIMIT);
                assertThat(l.rule()).isNotBlank();
            });
            BandwidthReport.JobRate job = report.jobs().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
            assertThat(job.displayName()).isEqualTo("nightly");
            assertThat(job.priority()).isEqualTo(Priority.LOW);
            assertThat(job.state()).isEqualTo(JobState.TRANSFERRING);
            assertThat(job.owner()).isEqualTo(remote.caller().name());
            assertThat(job.limit()).isEqualTo(LIMIT);
            assertThat(job.rate()).isBetween(1L, LIMIT * 13 / 10);

            assertThat(remote.getJob(id).currentRate()).as("JobInfo carries the rate over the socket").isPositive();
            remote.cancel(id);
            assertThat(remote.bandwidth().jobs()).isEmpty();
        }
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theWireFormatIsTheOneTheProtocolPageDocuments() throws Exception {
        try (FaultServer http = FaultServer.start();
             ServiceFixture fx = new ServiceFixture(dir.resolve("svc"), ServiceMode.USER).start();
             RemoteEngine remote = fx.connect();
             SocketChannel ch = ProtocolFuzzTest.open(fx.config.socket())) {
            http.resource("/wire.bin").generated(20L * 1024 * 1024);
            JobId id = remote.createJob("wire", JobType.DOWNLOAD, new JobOptions().priority(Priority.NORMAL)).id();
            remote.addFile(id, http.httpUri("/wire.bin").toString(), dir.resolve("wire.bin").toString(), null);
            remote.resume(id);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
                BandwidthReport r = remote.bandwidth();
                return r.jobs().stream().anyMatch(j -> j.rate() > 0 && j.interfaceName() != null)
                        && !r.interfaces().isEmpty();
            });

            InputStream in = ChannelStreams.in(ch);
            OutputStream out = ChannelStreams.out(ch);
            ProtocolFuzzTest.hello(out, in);
            // Params are ignored: the method takes none.
            FrameCodec.write(out, "{\"type\":\"request\",\"id\":5,\"method\":\"bandwidth\",\"params\":{\"x\":1}}"
                    .getBytes(StandardCharsets.UTF_8));
            JsonNode reply = ProtocolFuzzTest.frame(in);
            assertThat(reply.get("id").asLong()).isEqualTo(5);
            assertThat(reply.has("error")).as("%s", reply).isFalse();
            JsonNode result = reply.get("result");
            assertThat(fields(result)).containsExactly("at", "estimating", "interfaces", "limits", "jobs");
            assertThat(Instant.parse(result.get("at").asText())).isBefore(Instant.now().plusSeconds(5));
            JsonNode lo = result.get("interfaces").get(0);
            assertThat(fields(lo)).containsExactly("name", "upload", "capacity", "capacitySource", "others", "own",
                    "allowance", "queueDelayMicros");
            assertThat(lo.get("capacitySource").asText()).isIn("SETTING", "NIC_SPEED", "LEARNED", "UNKNOWN");
            assertThat(result.get("limits").get(0).toString())
                    .isEqualTo("{\"priority\":\"HIGH\",\"limit\":" + LIMIT + ",\"rule\":\"BITS 2.0 schedule\"}");
            JsonNode job = result.get("jobs").get(0);
            assertThat(fields(job)).containsExactly("id", "displayName", "type", "owner", "priority", "state",
                    "interfaceName", "rate", "limit");
            assertThat(job.get("id").asText()).isEqualTo(id.toString());
            assertThat(job.get("type").asText()).isEqualTo("DOWNLOAD");
            assertThat(job.get("rate").asLong()).isPositive();
            remote.cancel(id);
        }
    }

    /**
     * A service from before the method, reduced to what it does with it: the hello, then
     * E_NOTIMPL for the unknown method. The client says what that means and what to do.
     */
    @Test
    void aServiceThatPredatesTheMethodGetsASentenceNotJustUnknownMethod() throws Exception {
        Path socket = dir.resolve("old.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(socket));
            Thread service = new Thread(() -> {
                try (SocketChannel ch = old.accept()) {
                    InputStream in = ChannelStreams.in(ch);
                    OutputStream out = ChannelStreams.out(ch);
                    FrameCodec.read(in);
                    FrameCodec.write(out, Protocol.mapper().writeValueAsBytes(
                            Message.hello(Protocol.VERSION, null, Principal.current())));
                    JsonNode request = ProtocolFuzzTest.frame(in);
                    FrameCodec.write(out, Protocol.mapper().writeValueAsBytes(Message.failure(request.get("id").asLong(),
                            WireError.of(ErrorCodes.E_NOTIMPL, "Unknown method '" + request.get("method").asText() + "'."))));
                    ProtocolFuzzTest.frame(in); // until the client hangs up
                } catch (Exception e) {
                    // the client closed
                }
            });
            service.start();
            try (RemoteEngine remote = RemoteEngine.connect(socket)) {
                assertThatThrownBy(remote::bandwidth).isInstanceOfSatisfying(BitsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.E_NOTIMPL);
                    assertThat(e.getMessage()).contains(socket.toString()).contains("predates 'bandwidth'")
                            .contains("restart it").contains("Unknown method 'bandwidth'.");
                });
            }
            service.join(5_000);
        }
    }
}
