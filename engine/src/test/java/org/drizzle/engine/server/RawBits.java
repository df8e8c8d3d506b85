package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.drizzle.engine.transfer.upload.BitsProtocol;

/** Hand-built BITS_POST and GET requests for server tests (not our client transport). */
final class RawBits implements AutoCloseable {
    /** A response with case-insensitive headers and the body. */
    record Reply(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        Integer errorCode() {
            return BitsProtocol.parseHex(headers.get(BitsProtocol.ERROR_CODE));
        }

        long received() {
            return Long.parseLong(headers.get(BitsProtocol.RECEIVED_CONTENT_RANGE));
        }
    }

    private final URI base;
    private final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries()
            .disableRedirectHandling().disableContentCompression().build();

    RawBits(URI base) {
        this.base = base;
    }

    /** A BITS_POST; {@code kv} are header name/value pairs; every Ack must carry Content-Length and BITS-Packet-Type. */
    Reply post(String path, byte[] body, String... kv) throws IOException {
        ClassicRequestBuilder b = ClassicRequestBuilder.create("BITS_POST").setUri(base.resolve(path));
        for (int i = 0; i < kv.length; i += 2) {
            b.addHeader(kv[i], kv[i + 1]);
        }
        b.setEntity(new ByteArrayEntity(body == null ? new byte[0] : body, null));
        Reply r = http.execute(b.build(), RawBits::read);
        assertThat(r.header("Content-Length")).as("Content-Length on every Ack").isNotNull();
        assertThat(r.header(BitsProtocol.PACKET_TYPE)).isEqualToIgnoringCase("Ack");
        return r;
    }

    Reply create(String path) throws IOException {
        return post(path, null, "BITS-Packet-Type", "Create-Session",
                "BITS-Supported-Protocols", BitsProtocol.PROTOCOL_GUID);
    }

    String session(String path) throws IOException {
        Reply r = create(path);
        assertThat(r.status()).isEqualTo(200);
        return r.header(BitsProtocol.SESSION_ID);
    }

    Reply fragment(String path, String session, long first, long total, byte[] data) throws IOException {
        return post(path, data, "BITS-Packet-Type", "Fragment", "BITS-Session-Id", session,
                "Content-Range", "bytes " + first + "-" + (first + data.length - 1) + "/" + total);
    }

    Reply packet(String path, String type, String session) throws IOException {
        return post(path, null, "BITS-Packet-Type", type, "BITS-Session-Id", session);
    }

    Reply get(String path, String... kv) throws IOException {
        ClassicRequestBuilder b = ClassicRequestBuilder.get(base.resolve(path));
        for (int i = 0; i < kv.length; i += 2) {
            b.addHeader(kv[i], kv[i + 1]);
        }
        return http.execute(b.build(), RawBits::read);
    }

    Reply head(String path) throws IOException {
        return http.execute(ClassicRequestBuilder.head(base.resolve(path)).build(), RawBits::read);
    }

    private static Reply read(org.apache.hc.core5.http.ClassicHttpResponse response) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header h : response.getHeaders()) {
            headers.put(h.getName(), h.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new Reply(response.getCode(), headers, body);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
