package org.drizzle.engine.transfer.upload;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.io.SessionOutputBuffer;

/**
 * An HttpClient connection whose request bodies may be sent from a file without the Java
 * heap: on a plain socket made by {@link UploadSockets} (which has a channel) the body stream
 * is a {@link FileRegionStream} (sendfile to a remote peer, one direct buffer on loopback),
 * which {@link FragmentBody} uses; on TLS, or a socket without a channel (through a SOCKS
 * proxy), bodies are written as usual.
 */
final class SendfileConnection extends DefaultManagedHttpClientConnection {
    private static final AtomicLong IDS = new AtomicLong();

    /** The factory to give HttpClient's connection pool. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        SendfileConnection c = new SendfileConnection("upload-" + IDS.getAndIncrement());
        if (socket != null) {
            c.bind(socket);
        }
        return c;
    };

    /** The loopback staging buffer, made on first use and kept for the connection's life. */
    private ByteBuffer staging;

    private SendfileConnection(String id) {
        super(id);
    }

    @Override
    protected OutputStream createContentOutputStream(long length, SessionOutputBuffer buffer, OutputStream socketOut,
                                                     Supplier<List<? extends Header>> trailers) {
        OutputStream content = super.createContentOutputStream(length, buffer, socketOut, trailers);
        Socket socket = getSocket();
        // Only a fixed-length body on a socket without TLS may bypass the stream.
        if (length < 0 || getSSLSession() != null || socket == null || socket instanceof javax.net.ssl.SSLSocket) {
            return content;
        }
        SocketChannel channel = socket.getChannel();
        if (channel == null || socket.getInetAddress() == null) {
            return content;
        }
        if (!socket.getInetAddress().isLoopbackAddress()) {
            return new FileRegionStream(content, channel, null);
        }
        if (staging == null) {
            staging = ByteBuffer.allocateDirect(FragmentBody.CHUNK);
        }
        return new FileRegionStream(content, channel, staging);
    }
}
