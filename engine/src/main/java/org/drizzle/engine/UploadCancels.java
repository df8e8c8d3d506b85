package org.drizzle.engine;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.job.RemoteName;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.store.JobStore;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Cancel-Session for a cancelled upload job whose session had begun, so the server
 * deletes the partial upload ({@link Transport#cancel}, given the state the transport saved). The session is read from the store at once (before anything can
 * delete the job's state); the packet goes out on its own thread, and the caller waits for it
 * only briefly, because a cancelled job stays cancelled whatever the server answers.
 */
final class UploadCancels {
    private static final Logger LOG = LoggerFactory.getLogger(UploadCancels.class);
    /** How long Cancel waits for the server's Ack before returning (the packet still goes out). */
    static final long WAIT_MILLIS = 5_000;

    private UploadCancels() {
    }

    /** Starts the cancel of {@code job}'s server-side transfer if it is an upload with a stored session; returns the sender, or null. */
    static Thread send(List<Transport> transports, JobStore store, Job job) {
        if (!job.type().isUpload() || job.files().size() != 1) {
            return null;
        }
        try {
            Map<String, String> state = store.states(job.id(), 0);
            if (state.isEmpty()) {
                return null;
            }
            URI remote = RemoteName.of(job.files().get(0).remoteName()).uri();
            Transport transport = transports.stream().filter(t -> t.handles(remote, job.type())).findFirst().orElse(null);
            if (transport == null) {
                return null;
            }
            JobSecrets secrets = new JobSecrets(job.credentials(), job.customHeaders(), job.clientCertificate());
            Thread sender = new Thread(() -> {
                try {
                    transport.cancel(remote, state, secrets);
                } catch (RuntimeException e) {
                    // The engine may be closing its transports; the server's session timeout cleans up.
                    LOG.info("Cancel-Session for job {} not sent: {}", job.id(), LogText.of(e.toString()));
                }
            }, "upload-cancel-" + job.id());
            sender.setDaemon(true);
            sender.start();
            return sender;
        } catch (IOException | RuntimeException e) {
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
