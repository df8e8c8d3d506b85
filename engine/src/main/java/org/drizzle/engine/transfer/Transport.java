package org.drizzle.engine.transfer;

import java.net.URI;
import java.util.Map;
import org.drizzle.engine.job.JobType;

/**
 * Moves the bytes of one file of one job. Implementations: {@code HttpTransport} (http/https
 * downloads), {@code FileTransport} (local paths, mounted shares, file://), and the BITS upload
 * transport. The scheduler picks the first transport whose {@link #handles} says yes.
 */
public interface Transport {

    /** Whether this transport can move {@code remote} for a job of {@code type}. */
    boolean handles(URI remote, JobType type);

    /**
     * Transfers the session's file from its durable offset to the end. Returns normally when the
     * file is complete (every byte written through {@link FileSession#write}).
     *
     * @throws TransferException classified by its HRESULT (transient or fatal)
     * @throws TransferStoppedException when {@link FileSession#stopRequested()} became true
     *         (suspend, pre-emption, slice end, shutdown); the durable offset stays valid
     */
    void transfer(FileSession session) throws TransferException, TransferStoppedException;

    /**
     * Cancel of a job whose transfer had begun: asks the server to drop what it holds of the
     * file (a BITS upload's Cancel-Session). {@code state} is what the transport saved with the
     * file ({@link FileSession#saveState}). Never throws: the job is cancelled either way.
     * Returns whether the server confirmed, or had nothing to drop (the default: downloads).
     */
    default boolean cancel(URI remote, Map<String, String> state, JobSecrets secrets) {
        return true;
    }
}
