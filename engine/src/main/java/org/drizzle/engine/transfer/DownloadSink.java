package org.drizzle.engine.transfer;

import java.io.IOException;
import org.drizzle.engine.job.RemoteValidator;

/**
 * A download's side of a {@link FileSession}: the temp file and its durable progress record.
 * {@link #write} appends at the current offset, and the sink makes bytes durable in BITS order
 * (write, force the temp file, record bytesTransferred in the store) at checkpoint boundaries.
 */
public interface DownloadSink extends FileSession {

    /** Bytes of this file already durable in the temp file; the next byte to fetch is at this offset. */
    long offset();

    /** The validator recorded when the transfer first learned the remote size, or null. */
    RemoteValidator recordedValidator();

    /**
     * Records the remote size and validator (BytesTotal becomes known). If a different version
     * was recorded before, the caller must {@link #restart()} first.
     */
    void recordRemote(RemoteValidator validator) throws IOException;

    /** Truncates the temp file to 0 and records 0: the file starts over (changed resource, 200 to a range). */
    void restart() throws IOException;

    /**
     * Deletes the temp file and records 0: none of its bytes can be trusted (a local source that
     * kept changing while it was copied). The next write starts a new temp file.
     */
    void discard() throws IOException;

    /** Appends bytes at {@link #offset()} and advances it; blocks in the bandwidth governor for background jobs. */
    void write(byte[] buffer, int off, int len) throws IOException, TransferStoppedException;

    /** Forces and records everything written so far; called at the end of the file. */
    void checkpoint() throws IOException;
}
