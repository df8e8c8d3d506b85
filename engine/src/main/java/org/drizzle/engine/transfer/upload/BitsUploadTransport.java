package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.hc.core5.util.Timeout;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.log.LogText;
import org.drizzle.engine.transfer.FileSession;
import org.drizzle.engine.transfer.JobSecrets;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.TransferStoppedException;
import org.drizzle.engine.transfer.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BITS Upload Protocol client for Upload and UploadReply jobs over http/https
 * (see {@link UploadRun} for the state machine). {@link #cancel} sends Cancel-Session when
 * the job is cancelled, so the server drops the partial upload.
 */
public final class BitsUploadTransport implements Transport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BitsUploadTransport.class);
    /** BITS timers: request send 2 minutes, response 5 minutes [SPEC 3.1.2]. */
    static final Timeout CONNECT_TIMEOUT = Timeout.ofMinutes(2);
    static final Timeout RESPONSE_TIMEOUT = Timeout.ofMinutes(5);

    private final Timeout connect;
    private final Timeout response;
    private final UploadSockets foregroundSockets;
    private final UploadSockets backgroundSockets;
    /**
     * Foreground jobs' connections keep the system's congestion control; background ones ask for
     * a low-priority one. Made at the first upload: an engine that never uploads (most host runs)
     * never pays for two HTTP clients and their TLS set-up.
     */
    private UploadClient client;
    private UploadClient background;
    private boolean closed;

    public BitsUploadTransport() {
        this(CONNECT_TIMEOUT, RESPONSE_TIMEOUT);
    }

    /** With other timeouts (tests use short ones for servers that never answer). */
    public BitsUploadTransport(Timeout connect, Timeout response) {
        this(connect, response, UploadSockets.foreground(), UploadSockets.background());
    }

    /** With the socket factories of foreground and background jobs' connections (tests observe them). */
    BitsUploadTransport(Timeout connect, Timeout response, UploadSockets foreground, UploadSockets background) {
        this.connect = connect;
        this.response = response;
        this.foregroundSockets = foreground;
        this.backgroundSockets = background;
    }

    private synchronized UploadClient client(boolean backgroundJob) throws IOException {
        if (closed) {
            throw new IOException("The upload transport is closed.");
        }
        if (backgroundJob) {
            if (background == null) {
                background = new UploadClient(connect, response, backgroundSockets);
            }
            return background;
        }
        if (client == null) {
            client = new UploadClient(connect, response, foregroundSockets);
        }
        return client;
    }

    @Override
    public boolean handles(URI remote, JobType type) {
        String scheme = remote.getScheme() == null ? "" : remote.getScheme().toLowerCase(Locale.ROOT);
        return type.isUpload() && (scheme.equals("http") || scheme.equals("https"));
    }

    @Override
    public void transfer(FileSession session) throws TransferException, TransferStoppedException {
        if (session.job().files().size() != 1) {
            throw new TransferException(ErrorContext.GENERAL_QUEUE_MANAGER, ErrorCodes.BG_E_TOO_MANY_FILES,
                    "An upload job holds " + session.job().files().size() + " files.");
        }
        UploadClient http;
        try {
            http = client(session.job().priority().isBackground());
        } catch (IOException e) {
            throw new TransferStoppedException();
        }
        new UploadRun(http, session.upload()).run();
    }

    /**
     * Cancel-Session for a cancelled job whose upload had begun (the stored session id and host
     * id in {@code state}); resends on 5xx, never when the server says the session is unknown.
     */
    @Override
    public boolean cancel(URI remote, Map<String, String> state, JobSecrets secrets) {
        String sessionId = state.get(UploadState.SESSION_ID);
        if (sessionId == null) {
            return true;
        }
        String hostId = state.get(UploadState.HOST_ID);
        URI target = hostId == null ? remote : FarmHost.withHost(remote, hostId);
        for (int attempt = 1; attempt <= UploadRun.NETWORK_RETRIES + 1; attempt++) {
            try {
                Ack ack = client(false).send(target, BitsProtocol.CANCEL_SESSION, sessionId, List.of(), null, secrets);
                if (ack.ok()) {
                    return true;
                }
                if (ack.status() < 500 || ack.sessionNotFound()) {
                    LOG.info("Cancel-Session for {} answered HTTP {}", LogText.of(remote), ack.status());
                    return false;
                }
            } catch (IOException e) {
                LOG.info("Cancel-Session for {} failed: {}", LogText.of(remote), LogText.of(e.toString()));
            }
            try {
                Thread.sleep(250L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            if (background != null) {
                background.close();
            }
        }
    }
}
