package org.drizzle.engine;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.Transport;
import org.drizzle.engine.transfer.upload.BitsUploadTransport;
import org.drizzle.engine.transfer.upload.UploadState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Cancel-Session for a cancelled upload job whose session had begun, so the server
 * deletes the partial upload. The session is read from the store at once (before anything can
 * delete the job's state); the packet goes out on its own thread, and the caller waits for it
 * only briefly, because a cancelled job stays cancelled whatever the server answers.
 */
final class UploadCancels {
    private static final Logger LOG = LoggerFactory.getLogger(UploadCancels.class);
    /** How long Cancel waits for the server's Ack before returning (the packet still goes out). */
    static final long WAIT_MILLIS = 5_000;

    private UploadCancels() {
    }

    /** Starts Cancel-Session for {@code job} if it is an upload with a stored session; returns the sender, or null. */
    static Thread send(List<Transport> transports, JobStore store, Job job) {
        if (!job.type().isUpload() || job.files().size() != 1) {
            return null;
        }
        try {
            String sessionId = store.state(job.id(), 0, UploadState.SESSION_ID);
            if (sessionId == null) {
                return null;
            }
            String hostId = store.state(job.id(), 0, UploadState.HOST_ID);
            URI remote = URI.create(job.files().get(0).remoteName());
            BitsUploadTransport upload = transports.stream()
                    .filter(t -> t instanceof BitsUploadTransport && t.handles(remote, job.type()))
                    .map(BitsUploadTransport.class::cast).findFirst().orElse(null);
            if (upload == null) {
                return null;
            }
            JobSecrets secrets = new JobSecrets(job.credentials(), job.customHeaders(), job.clientCertificate());
            Thread sender = new Thread(() -> {
                try {
                    upload.cancel(remote, sessionId, hostId, secrets);
                } catch (RuntimeException e) {
                    // The engine may be closing its transports; the server's session timeout cleans up.
                    LOG.info("Cancel-Session for job {} not sent: {}", job.id(), LogText.of(e.toString()));
                }
            }, "upload-cancel-" + job.id());
            sender.setDaemon(true);
            sender.start();
            return sender;
        } catch (IOException | IllegalArgumentException e) {
            LOG.info("Cancel-Session for job {} not sent: {}", job.id(), LogText.of(e.toString()));
            return null;
        }
    }

    /** {@link #send}, then waits up to {@link #WAIT_MILLIS} for the server's answer. */
    static void sendAndWait(List<Transport> transports, JobStore store, Job job) {
        Thread sender = send(transports, store, job);
        if (sender == null) {
            return;
        }
        try {
            sender.join(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
