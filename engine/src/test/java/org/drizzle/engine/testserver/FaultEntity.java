package org.drizzle.engine.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A response body that streams a slice of one {@link Resource.Version}, counts what it wrote,
 * paces itself when the resource is slow, and cuts the connection after N bytes when told to.
 */
final class FaultEntity extends AbstractHttpEntity {
    private static final int CHUNK = 64 * 1024;
    private final Resource resource;
    private final Content content;
    private final long start;
    private final long length;
    private final boolean declareLength;
    private final long cutAfter;
    private final Runnable abort;

    FaultEntity(Resource resource, Content content, long start, long length, boolean declareLength, long cutAfter,
                Runnable abort) {
        super(ContentType.APPLICATION_OCTET_STREAM, null, !declareLength);
        this.resource = resource;
        this.content = content;
        this.start = start;
        this.length = length;
        this.declareLength = declareLength;
        this.cutAfter = cutAfter;
        this.abort = abort;
    }

    @Override
    public long getContentLength() {
        return declareLength ? length : -1;
    }

    @Override
    public boolean isRepeatable() {
        return false;
    }

    @Override
    public boolean isStreaming() {
        return true;
    }

    @Override
    public InputStream getContent() {
        throw new UnsupportedOperationException("server-side entity");
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long rate = resource.bytesPerSecond;
        int chunk = rate > 0 ? (int) Math.max(512, Math.min(CHUNK, rate / 20)) : CHUNK;
        byte[] buffer = new byte[chunk];
        long began = System.nanoTime();
        long written = 0;
        while (written < length) {
            int n = (int) Math.min(chunk, length - written);
            if (cutAfter >= 0) {
                n = (int) Math.min(n, cutAfter - written);
                if (n <= 0) {
                    out.flush();
                    if (declareLength) {
                        // The handler marked the response "Connection: close": returning short makes the
                        // server close the socket cleanly, so the client gets exactly these bytes, then EOF.
                        return;
                    }
                    // A chunked body would be terminated properly on return (even on an exception, when
                    // the server closes the chunked stream): abort the connection instead.
                    abort.run();
                    throw new IOException("fault injected: connection cut after " + written + " bytes");
                }
            }
            content.read(start + written, buffer, 0, n);
            // Counted before the write: once the client has the bytes, a test may read the counter.
            resource.served(n);
            out.write(buffer, 0, n);
            written += n;
            if (rate > 0) {
                out.flush();
                long due = began + written * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("server stopping", e);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        // nothing held: content is read on demand
    }
}
