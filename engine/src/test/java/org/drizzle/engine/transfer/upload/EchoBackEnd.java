package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/** A by-value back-end application on loopback whose reply is the uploaded body itself. */
final class EchoBackEnd implements AutoCloseable {
    private final HttpServer server;

    EchoBackEnd() throws IOException {
        server = ServerBootstrap.bootstrap().setLocalAddress(InetAddress.getLoopbackAddress()).setListenerPort(0)
                .setRequestRouter((r, c) -> (request, response, context) -> {
                    response.setEntity(new ByteArrayEntity(EntityUtils.toByteArray(request.getEntity()), null));
                    response.setCode(200);
                }).create();
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/echo");
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
    }
}
