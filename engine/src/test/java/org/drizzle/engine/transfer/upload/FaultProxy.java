package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * A loopback reverse proxy in front of the upload server that records every packet and can
 * misbehave: drop the connection after forwarding chosen Fragments (the Ack is lost), or
 * answer 413 to fragments above a size.
 */
final class FaultProxy implements AutoCloseable {
    /** One packet as the proxy saw it, and when it arrived (System.nanoTime()). */
    record Packet(String type, String sessionId, String contentRange, long length, int status, long nanos) {
    }

    final List<Packet> packets = new CopyOnWriteArrayList<>();
    /** The Host header of every request, in order. */
    final List<String> hosts = new CopyOnWriteArrayList<>();
    volatile Set<Integer> resetAfterFragments = Set.of();
    volatile long maxFragment = Long.MAX_VALUE;
    /** When set, every Fragment is answered 416 with this offset (a stuck server). */
    volatile Long stuckAt;
    /** Milliseconds each Fragment is held before it is forwarded (a slow link). */
    volatile long fragmentDelayMillis;
    private final AtomicInteger fragments = new AtomicInteger();
    private final URI backend;
    private final CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries()
            .disableRedirectHandling().disableContentCompression().build();
    private final HttpServer server;
    private final InetAddress address;

    FaultProxy(URI backend) throws IOException {
        this(backend, InetAddress.getLoopbackAddress(), 0);
    }

    /** Listening on {@code address:port} (a namespace's second loopback address, a fixed port). */
    FaultProxy(URI backend, InetAddress address, int port) throws IOException {
        this.backend = backend;
        this.address = address;
        this.server = ServerBootstrap.bootstrap().setLocalAddress(address).setListenerPort(port)
                .setRequestRouter((r, c) -> this::handle).create();
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://" + address.getHostAddress() + ":" + server.getLocalPort() + path);
    }

    int port() {
        return server.getLocalPort();
    }

    long count(String type) {
        return packets.stream().filter(p -> p.type().equalsIgnoreCase(type)).count();
    }

    private void handle(ClassicHttpRequest request, ClassicHttpResponse response, HttpContext context) throws IOException {
        long arrived = System.nanoTime();
        String type = value(request, "BITS-Packet-Type");
        hosts.add(value(request, "Host"));
        byte[] body = request.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(request.getEntity());
        boolean fragment = "Fragment".equalsIgnoreCase(type);
        int number = fragment ? fragments.incrementAndGet() : 0;
        if (fragment && body.length > maxFragment) {
            packets.add(new Packet(type, value(request, "BITS-Session-Id"), value(request, "Content-Range"), body.length, 413, arrived));
            response.setCode(413);
            response.setHeader("BITS-Packet-Type", "Ack");
            return;
        }
        if (fragment && stuckAt != null) {
            packets.add(new Packet(type, value(request, "BITS-Session-Id"), value(request, "Content-Range"), body.length, 416, arrived));
            response.setCode(416);
            response.setHeader("BITS-Packet-Type", "Ack");
            response.setHeader("BITS-Received-Content-Range", stuckAt.toString());
            return;
        }
        if (fragment && fragmentDelayMillis > 0) {
            try {
                Thread.sleep(fragmentDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ClassicRequestBuilder b = ClassicRequestBuilder.create(request.getMethod()).setUri(backend.resolve(request.getPath()));
        for (Header h : request.getHeaders()) {
            String n = h.getName();
            if (!n.equalsIgnoreCase("Host") && !n.equalsIgnoreCase("Content-Length") && !n.equalsIgnoreCase("Connection")
                    && !n.equalsIgnoreCase("Transfer-Encoding")) {
                b.addHeader(h);
            }
        }
        b.setEntity(new ByteArrayEntity(body, null));
        int status = client.execute(b.build(), upstream -> {
            response.setCode(upstream.getCode());
            for (Header h : upstream.getHeaders()) {
                String n = h.getName();
                if (!n.equalsIgnoreCase("Content-Length") && !n.equalsIgnoreCase("Transfer-Encoding")
                        && !n.equalsIgnoreCase("Connection") && !n.equalsIgnoreCase("Date") && !n.equalsIgnoreCase("Server")) {
                    response.addHeader(h);
                }
            }
            if (upstream.getEntity() != null) {
                response.setEntity(new ByteArrayEntity(EntityUtils.toByteArray(upstream.getEntity()), null));
            }
            return upstream.getCode();
        });
        packets.add(new Packet(type, value(request, "BITS-Session-Id"), value(request, "Content-Range"), body.length, status, arrived));
        if (fragment && resetAfterFragments.contains(number)) {
            // The server got the bytes; the client never sees the Ack.
            throw new IllegalStateException("connection reset by FaultProxy after fragment " + number);
        }
    }

    private static String value(ClassicHttpRequest r, String name) {
        Header h = r.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    @Override
    public void close() throws IOException {
        server.close(CloseMode.IMMEDIATE);
        client.close();
    }
}
