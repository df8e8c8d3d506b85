package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.server.BitsServer;
import org.drizzle.engine.server.NotificationType;
import org.drizzle.engine.server.VirtualDirectory;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload-reply end to end: client → Drizzle server → back-end application → reply file. */
class UploadReplyTest {
    @TempDir
    Path tmp;
    Path root;
    HttpServer backEnd;
    BitsServer server;
    final BitsUploadTransport transport = new BitsUploadTransport();
    final Map<String, String> seen = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile int backEndStatus = 200;

    @BeforeEach
    void startBackEnd() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        backEnd = ServerBootstrap.bootstrap().setLocalAddress(InetAddress.getLoopbackAddress()).setListenerPort(0)
                .setRequestRouter((r, c) -> this::application).create();
        backEnd.start();
    }

    @AfterEach
    void stop() throws IOException {
        transport.close();
        if (server != null) {
            server.close();
        }
        backEnd.close(CloseMode.IMMEDIATE);
    }

    /** The back-end: by reference it reads the request file and writes the response file; by value it echoes reversed. */
    private void application(ClassicHttpRequest request, ClassicHttpResponse response,
                             org.apache.hc.core5.http.protocol.HttpContext context) throws IOException {
        calls.incrementAndGet();
        seen.put("method", request.getMethod());
        seen.put("original", request.getFirstHeader("BITS-Original-Request-URL").getValue());
        seen.put("query", String.valueOf(URI.create(request.getRequestUri()).getQuery()));
        if (backEndStatus != 200) {
            response.setCode(backEndStatus);
            return;
        }
        var requestFile = request.getFirstHeader("BITS-Request-DataFile-Name");
        if (requestFile != null) {
            byte[] upload = Files.readAllBytes(Path.of(requestFile.getValue()));
            Files.writeString(Path.of(request.getFirstHeader("BITS-Response-DataFile-Name").getValue()),
                    "by reference: " + upload.length + " bytes");
        } else {
            byte[] upload = EntityUtils.toByteArray(request.getEntity());
            byte[] reversed = new byte[upload.length];
            for (int i = 0; i < upload.length; i++) {
                reversed[i] = upload[upload.length - 1 - i];
            }
            response.setEntity(new ByteArrayEntity(reversed, null));
        }
        response.setCode(200);
    }

    void startServer(NotificationType type) throws IOException {
        URI app = URI.create("http://127.0.0.1:" + backEnd.getLocalPort() + "/app/notify");
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/reply", root).withNotification(type, app))
                .build().start();
    }

    SavedStateSession session(String name, Path src) throws IOException {
        return new SavedStateSession(tmp.resolve("state-" + name), server.baseUri().resolve("/reply/" + name + "?account=86433"),
                src, JobType.UPLOAD_REPLY, tmp.resolve(name + ".reply"), JobSecrets.NONE);
    }

    Path source(String name, int size) throws IOException {
        byte[] data = new byte[size];
        new java.util.Random(size).nextBytes(data);
        return Files.write(tmp.resolve(name), data);
    }

    @Test
    void byReferenceTheApplicationWritesTheResponseFile() throws Exception {
        startServer(NotificationType.BY_REFERENCE);
        Path src = source("inventory.xml", 500_000);
        transport.transfer(session("inventory.xml", src));
        assertThat(tmp.resolve("inventory.xml.reply")).hasContent("by reference: 500000 bytes");
        assertThat(seen.get("method")).isEqualTo("POST");
        assertThat(seen.get("original")).endsWith("/reply/inventory.xml?account=86433");
        assertThat(seen.get("query")).as("the upload's query string is passed on").isEqualTo("account=86433");
        assertThat(root.resolve("inventory.xml")).as("type 1 does not copy to the destination").doesNotExist();
        try (var sessions = Files.walk(root.resolve("BITS-Sessions"))) {
            assertThat(sessions.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString))
                    .as("Close deletes request and reply").containsOnly("session.properties");
        }
    }

    @Test
    void byValueTheReplyIsTheResponseBody() throws Exception {
        startServer(NotificationType.BY_VALUE);
        Path src = source("dump.bin", 70_000);
        transport.transfer(session("dump.bin", src));
        byte[] up = Files.readAllBytes(src);
        byte[] reply = Files.readAllBytes(tmp.resolve("dump.bin.reply"));
        assertThat(reply).hasSize(up.length);
        assertThat(reply[0]).isEqualTo(up[up.length - 1]);
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void failingBackEndIsARemoteApplicationError() throws Exception {
        startServer(NotificationType.BY_VALUE);
        backEndStatus = 503;
        SavedStateSession s = session("fails.bin", source("fails.bin", 1000));
        TransferException transientError = fail(s);
        assertThat(transientError.context()).isEqualTo(ErrorContext.REMOTE_APPLICATION);
        assertThat(transientError.code()).isEqualTo(ErrorCodes.fromHttpStatus(503));
        assertThat(transientError.isTransient()).isTrue();
        backEndStatus = 200;
        transport.transfer(s);
        assertThat(tmp.resolve("fails.bin.reply")).exists();
        backEndStatus = 403;
        TransferException fatal = fail(session("denied.bin", source("denied.bin", 10)));
        assertThat(fatal.context()).isEqualTo(ErrorContext.REMOTE_APPLICATION);
        assertThat(fatal.isTransient()).isFalse();
    }

    @Test
    void unreachableBackEndIsARemoteApplicationError() throws Exception {
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/reply", root)
                .withNotification(NotificationType.BY_REFERENCE, URI.create("http://127.0.0.1:1/nothing"))).build().start();
        TransferException e = fail(session("nobody.bin", source("nobody.bin", 10)));
        assertThat(e.context()).isEqualTo(ErrorContext.REMOTE_APPLICATION);
        assertThat(e.isTransient()).isTrue();
    }

    @Test
    void missingReplyUrlOnTheLastAckIsAnError() throws Exception {
        server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/reply", root)).build().start();
        TransferException e = fail(session("plain.bin", source("plain.bin", 10)));
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH);
        assertThat(e.getMessage()).contains("BITS-Reply-URL");
    }

    @Test
    void iisStyleRelativeReplyUrlsResolveAgainstTheUploadUrl() throws Exception {
        URI upload = URI.create("http://h/upload-ref/file.bin");
        assertThat(UploadRun.resolveReply(upload, "BITS-Sessions\\Replies\\{C85B4E0A-1}\\responsefile.bin"))
                .hasToString("http://h/upload-ref/BITS-Sessions/Replies/%7BC85B4E0A-1%7D/responsefile.bin");
        assertThat(UploadRun.resolveReply(upload, "/x/y.bin")).hasToString("http://h/x/y.bin");
        assertThat(UploadRun.resolveReply(upload, "http://other/r.bin")).hasToString("http://other/r.bin");
    }

    TransferException fail(SavedStateSession s) {
        try {
            transport.transfer(s);
        } catch (TransferException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the upload did not fail");
    }
}
