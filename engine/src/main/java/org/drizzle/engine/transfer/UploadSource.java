package org.drizzle.engine.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;

/**
 * An upload's side of a {@link FileSession}: the local source, read with the owner's identity,
 * the durable record of what the server holds, the bandwidth governor, and (UploadReply) the
 * reply file.
 */
public interface UploadSource extends FileSession {

    /** Bytes the server holds as last recorded ({@link #recordUploaded}); the next fragment starts here. */
    long offset();

    /** Opens the local source for reading, with the owner's identity. */
    FileChannel openSource() throws IOException;

    /** Records durably that the server holds the first {@code offset} bytes. */
    void recordUploaded(long offset) throws IOException;

    /** Meters {@code bytes} through the bandwidth governor (downloads get this inside write). */
    void acquireBandwidth(int bytes) throws TransferStoppedException;

    /**
     * Upload-reply: stores the reply body in the job's reply file (created with the owner's
     * identity, complete or not at all) and records reply progress.
     */
    void storeReply(InputStream body, long length) throws IOException, TransferStoppedException;
}
