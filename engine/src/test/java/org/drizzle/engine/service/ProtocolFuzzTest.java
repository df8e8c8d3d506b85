package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.job.ErrorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed, oversized and truncated frames: error replies or a closed connection; the service keeps serving. */
class ProtocolFuzzTest {
    private static final List<String> METHODS = List.of("createJob", "addFile", "setProperties", "resume", "suspend",
            "cancel", "complete", "takeOwnership", "getJob", "listJobs", "getReplyData", "subscribe", "unsubscribe",
            "setRemoteName", "replaceRemotePrefix", "service.status", "nope", "");

    static SocketChannel open(Path socket) throws Exception {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return ch;
    }

    static JsonNode frame(InputStream in) throws Exception {
        byte[] f = FrameCodec.read(in);
        return f == null ? null : Protocol.mapper().readTree(f);
    }

    static void hello(OutputStream out, InputStream in) throws Exception {
        FrameCodec.write(out, "{\"type\":\"hello\",\"version\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(frame(in).get("type").asText()).isEqualTo("hello");
    }

    @Test
    void randomFramesGetErrorRepliesAndTheServiceKeepsServing(@TempDir Path dir) throws Exception {
        try (ServiceFixture fx = new ServiceFixture(dir, ServiceMode.USER).start()) {
            Path socket = fx.config.socket();
            Random rnd = new Random(42);
            int frames = 3000;
            try (SocketChannel ch = open(socket)) {
                InputStream in = ChannelStreams.in(ch);
                OutputStream out = ChannelStreams.out(ch);
                hello(out, in);
                AtomicInteger replies = new AtomicInteger();
                AtomicInteger errors = new AtomicInteger();
                Thread reader = new Thread(() -> {
                    try {
                        JsonNode m;
                        while (replies.get() < frames && (m = frame(in)) != null) {
                            if ("response".equals(m.path("type").asText())) {
                                replies.incrementAndGet();
                                if (m.has("error")) {
                                    errors.incrementAndGet();
                                }
                            }
                        }
                    } catch (Exception e) {
                        // counted below
                    }
                });
                reader.start();
                for (int i = 0; i < frames; i++) {
                    FrameCodec.write(out, junk(rnd, i));
                }
                reader.join(60_000);
                assertThat(replies.get()).isEqualTo(frames);
                assertThat(errors.get()).isGreaterThan(frames / 2);
                // the same connection still answers a good request
                FrameCodec.write(out, "{\"type\":\"request\",\"id\":77,\"method\":\"listJobs\",\"params\":{}}".getBytes());
                JsonNode ok = frame(in);
                assertThat(ok.get("id").asLong()).isEqualTo(77);
                assertThat(ok.get("result").isArray()).isTrue();
            }
            // an oversized length: an error reply, then the connection closes
            try (SocketChannel ch = open(socket)) {
                InputStream in = ChannelStreams.in(ch);
                OutputStream out = ChannelStreams.out(ch);
                hello(out, in);
                out.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                JsonNode err = frame(in);
                assertThat(err.get("error").get("code").asInt()).isEqualTo(ErrorCodes.E_INVALIDARG);
                assertThat(err.get("error").get("message").asText()).contains("larger than");
                assertThat(frame(in)).isNull();
            }
            // a first frame longer than any hello is refused from its header
            try (SocketChannel ch = open(socket)) {
                ChannelStreams.out(ch).write(new byte[] {0, 0x10, 0, 0});
                JsonNode err = frame(ChannelStreams.in(ch));
                assertThat(err.get("error").get("message").asText()).contains("1048576").contains("65536");
                assertThat(frame(ChannelStreams.in(ch))).isNull();
            }
            // truncated frames and a missing hello: the connection closes, nothing else happens
            try (SocketChannel ch = open(socket)) {
                ChannelStreams.out(ch).write(new byte[] {0, 0, 1, 0, '{', '"'});
            }
            try (SocketChannel ch = open(socket)) {
                FrameCodec.write(ChannelStreams.out(ch), "{\"type\":\"request\",\"id\":1,\"method\":\"listJobs\"}".getBytes());
                JsonNode err = frame(ChannelStreams.in(ch));
                assertThat(err.get("error").get("message").asText()).contains("hello");
            }
            try (SocketChannel ch = open(socket)) {
                FrameCodec.write(ChannelStreams.out(ch), "{\"type\":\"hello\",\"version\":99}".getBytes());
                JsonNode err = frame(ChannelStreams.in(ch));
                assertThat(err.get("error").get("code").asInt()).isEqualTo(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH);
            }
            // a fresh, well-behaved client is served normally
            try (RemoteEngine good = fx.connect()) {
                assertThat(good.listJobs(false)).isEmpty();
                assertThat(good.serviceStatus()).containsEntry("state", "RUNNING");
            }
        }
    }

    /** Every frame is a request the service must answer: random bytes, random JSON, or random calls. */
    private static byte[] junk(Random rnd, int i) {
        switch (i % 4) {
            case 0: {
                byte[] b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                return b;
            }
            case 1:
                return ("{\"type\":\"" + (rnd.nextBoolean() ? "request" : "zzz") + "\",\"id\":" + i + "}").getBytes();
            case 2: {
                String method = METHODS.get(rnd.nextInt(METHODS.size()));
                String params = switch (rnd.nextInt(5)) {
                    case 0 -> "{\"id\":\"not-a-guid\"}";
                    case 1 -> "{\"id\":" + rnd.nextInt() + ",\"allUsers\":\"yes\"}";
                    case 2 -> "[1,2,3]";
                    case 3 -> "{\"displayName\":" + rnd.nextInt() + ",\"type\":\"SIDEWAYS\",\"options\":{\"priority\":7}}";
                    default -> "{\"id\":\"" + java.util.UUID.randomUUID() + "\",\"changes\":{\"notifyFlags\":\"x\"}}";
                };
                return ("{\"type\":\"request\",\"id\":" + i + ",\"method\":\"" + method + "\",\"params\":" + params + "}").getBytes();
            }
            default:
                return ("{\"type\":\"request\",\"id\":" + i + ",\"method\":\"getJob\",\"params\":{\"id\":\""
                        + java.util.UUID.randomUUID() + "\"}}").getBytes();
        }
    }
}
