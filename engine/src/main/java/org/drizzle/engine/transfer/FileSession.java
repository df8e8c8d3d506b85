package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.RemoteValidator;

/**
 * One file's transfer as a transport sees it, provided by the scheduler. It owns the temp
 * file and the durable progress record: {@link #write} appends at the current offset and the
 * session makes bytes durable in BITS order (write, force the temp file, record
 * bytesTransferred in the store) at checkpoint boundaries. All local file I/O behind it runs
 * with the job owner's identity.
 */
public interface FileSession {

    /** The job (snapshot at the start of this transfer). */
    JobInfo job();

    /** Secrets the snapshot leaves out: credentials, custom headers, client certificate. */
    JobSecrets secrets();

    /** The file being transferred (snapshot at start). */
    JobFileInfo file();

    /** The remote name to use now (after any SetRemoteName / redirect report). */
    URI remote();

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

    /** Redirect policy "allow and report": the final URL becomes the file's remote name. */
    void reportRemoteName(URI finalUrl);

    /** The job's state moves from CONNECTING to TRANSFERRING (first response bytes arrived). */
    void connected();

    /**
     * Transport state kept durably with the file (upload session id, BITS-Host-Id), so an
     * interrupted transfer resumes after a crash or reboot. Null if never saved.
     */
    String state(String key);

    /** Saves (or, with null, removes) one transport state value in the store. */
    void saveState(String key, String value) throws IOException;

    /** Uploads: opens the local source for reading, with the owner's identity. */
    java.nio.channels.FileChannel openSource() throws IOException;

    /** Uploads: records durably that the server holds the first {@code offset} bytes. */
    void recordUploaded(long offset) throws IOException;

    /** Uploads: meters {@code bytes} through the bandwidth governor (downloads get this inside write). */
    void acquireBandwidth(int bytes) throws TransferStoppedException;

    /**
     * Upload-reply: stores the reply body in the job's reply file (created with the owner's
     * identity, complete or not at all) and records reply progress.
     */
    void storeReply(java.io.InputStream body, long length) throws IOException, TransferStoppedException;

    /** True once the scheduler wants this transfer to stop (suspend, pre-emption, slice end, shutdown). */
    boolean stopRequested();

    /**
     * Registers how to abort the transport's blocking I/O (an in-flight HTTP request) when a
     * stop is requested, so suspend, cancel and pre-emption never wait for a slow server; runs
     * it at once if a stop is already requested. A later call replaces it; null clears it. The
     * transport then reports the stop as {@link TransferStoppedException}; bytes written before
     * stay valid. Sessions that cannot stop a transport early ignore it.
     */
    default void abortOnStop(Runnable abort) {
    }

    /** Throws {@link TransferStoppedException} if a stop was requested. */
    default void checkStop() throws TransferStoppedException {
        if (stopRequested()) {
            throw new TransferStoppedException();
        }
    }
}
