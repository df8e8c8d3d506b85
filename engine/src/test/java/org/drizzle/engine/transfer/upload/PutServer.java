package org.drizzle.engine.transfer.upload;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.util.TimeValue;

/**
 * The benchmark's baseline server: stores the body of each HTTP PUT under a folder (written,
 * then forced to disk, like the BITS server's fragments), on the same HttpCore 5 server the
 * upload server uses. Usage: {@code PutServer <port> <folder>}.
 */
public final class PutServer {
    private PutServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path folder = Path.of(args[1]);
        HttpServer server = ServerBootstrap.bootstrap().setLocalAddress(InetAddress.getLoopbackAddress()).setListenerPort(port)
                .setRequestRouter((r, c) -> (request, response, context) -> {
                    if (!request.getMethod().equals("PUT") || request.getEntity() == null) {
                        response.setCode(405);
                        return;
                    }
                    Path target = folder.resolve(Path.of(request.getPath()).getFileName().toString());
                    try (InputStream in = request.getEntity().getContent();
                         FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                                 StandardOpenOption.TRUNCATE_EXISTING)) {
                        byte[] buf = new byte[1 << 20];
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                            while (bb.hasRemaining()) {
                                out.write(bb);
                            }
                        }
                        out.force(false);
                    }
                    response.setCode(201);
                }).create();
        server.start();
        System.out.println("PUT server on 127.0.0.1:" + server.getLocalPort() + " storing into " + folder);
        Files.createDirectories(folder);
        server.awaitTermination(TimeValue.MAX_VALUE);
    }
}
