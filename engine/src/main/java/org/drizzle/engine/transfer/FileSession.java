package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.URI;
import org.drizzle.engine.job.JobFileInfo;
import org.drizzle.engine.job.JobInfo;

/**
 * One file's transfer as a transport sees it, provided by the scheduler: the job and file, the
 * remote name, the durable transport state, and the stop request. What a transport does with
 * the bytes is a role: a download writes a {@link DownloadSink}, an upload reads an
 * {@link UploadSource}; a session is the role its job's type calls for, and test sessions
 * implement only the role they play. All local file I/O behind it runs with the job owner's
 * identity.
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

    /** This session as a download's temp file (the session of a download job is one). */
    default DownloadSink download() {
        if (this instanceof DownloadSink sink) {
            return sink;
        }
        throw new IllegalStateException("A " + job().type().displayName() + " job has no download sink.");
    }

    /** This session as an upload's source (the session of an upload job is one). */
    default UploadSource upload() {
        if (this instanceof UploadSource source) {
            return source;
        }
        throw new IllegalStateException("A " + job().type().displayName() + " job has no upload source.");
    }
}
