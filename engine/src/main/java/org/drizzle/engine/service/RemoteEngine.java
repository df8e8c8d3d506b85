package org.drizzle.engine.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.Channel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EngineClient} over the service socket (docs/protocol.md). Calls block until the
 * service answers; a reader thread routes responses to their callers and events to
 * subscribers. If the service goes away every waiting and later call fails at once with
 * RPC_E_DISCONNECTED and a plain message, never a hang.
 */
public final class RemoteEngine implements EngineClient {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteEngine.class);
    /** A bound on any single call, so a wedged service cannot hang a script forever. */
    static final long CALL_TIMEOUT_SECONDS = 300;

    private final String address;
    private final Channel channel;
    private final OutputStream out;
    private final ObjectMapper json = Protocol.mapper();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<Long, JobListener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Principal caller;
    private volatile BitsException broken;

    private RemoteEngine(String address, Channel channel, InputStream in, OutputStream out) throws IOException {
        this.address = address;
        this.channel = channel;
        this.out = out;
        send(Message.hello(Protocol.VERSION, OwnerUmasks.currentProcessUmask(), null));
        byte[] frame = FrameCodec.read(in, FrameCodec.MAX_REPLY);
        if (frame == null) {
            throw new IOException("The service at " + address + " closed the connection during the hello.");
        }
        Message hello = json.readValue(frame, Message.class);
        if (hello.error() != null) {
            channel.close();
            throw hello.error().toException();
        }
        this.caller = hello.principal();
        Thread reader = new Thread(() -> readLoop(in), "drizzle-remote-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Connects to the service listening on {@code socket} (a Unix-domain socket, or on Windows a
     * {@code \\.\pipe\...} name); IOException if none answers.
     */
    public static RemoteEngine connect(Path socket) throws IOException {
        if (NamedPipeServer.isPipeName(socket.toString())) {
            return connectPipe(socket.toString());
        }
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return new RemoteEngine(socket.toString(), ch, ChannelStreams.in(ch), ChannelStreams.out(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * Connects to the service's Windows named pipe ({@code \\.\pipe\drizzle}). The pipe is
     * opened for overlapped I/O (AsynchronousFileChannel), so the reader thread can wait for
     * events while calls are written; a synchronous pipe handle would serialise the two.
     */
    public static RemoteEngine connectPipe(String pipe) throws IOException {
        AsynchronousFileChannel ch = AsynchronousFileChannel.open(Path.of(pipe), StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            return new RemoteEngine(pipe, ch, PipeStreams.in(ch), PipeStreams.out(ch));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public Principal caller() {
        return caller;
    }

    @Override
    public JobInfo createJob(String displayName, JobType type, JobOptions options) {
        return call("createJob", JobInfo.class, "displayName", displayName, "type", type, "options", options);
    }

    @Override
    public JobInfo addFile(JobId id, String remoteName, String localName, List<ByteRange> ranges) {
        return call("addFile", JobInfo.class, "id", id, "remoteName", remoteName, "localName", localName, "ranges", ranges);
    }

    @Override
    public JobInfo setProperties(JobId id, JobOptions changes) {
        return call("setProperties", JobInfo.class, "id", id, "changes", changes);
    }

    @Override
    public JobInfo setRemoteName(JobId id, int fileIndex, String remoteName) {
        return call("setRemoteName", JobInfo.class, "id", id, "fileIndex", fileIndex, "remoteName", remoteName);
    }

    @Override
    public JobInfo replaceRemotePrefix(JobId id, String oldPrefix, String newPrefix) {
        return call("replaceRemotePrefix", JobInfo.class, "id", id, "oldPrefix", oldPrefix, "newPrefix", newPrefix);
    }

    @Override
    public JobInfo resume(JobId id) {
        return call("resume", JobInfo.class, "id", id);
    }

    @Override
    public JobInfo suspend(JobId id) {
        return call("suspend", JobInfo.class, "id", id);
    }

    @Override
    public CompleteResult complete(JobId id) {
        return call("complete", CompleteResult.class, "id", id);
    }

    @Override
    public JobInfo cancel(JobId id) {
        return call("cancel", JobInfo.class, "id", id);
    }

    @Override
    public JobInfo takeOwnership(JobId id) {
        return call("takeOwnership", JobInfo.class, "id", id);
    }

    @Override
    public JobInfo getJob(JobId id) {
        return call("getJob", JobInfo.class, "id", id);
    }

    @Override
    public List<JobInfo> listJobs(boolean allUsers) {
        JsonNode result = invoke("listJobs", params("allUsers", allUsers));
        return convert(result, new TypeReference<List<JobInfo>>() { });
    }

    @Override
    public byte[] getReplyData(JobId id) {
        return call("getReplyData", byte[].class, "id", id);
    }

    /**
     * An addition within protocol version 1: a service that predates it answers E_NOTIMPL,
     * which is passed on with a sentence saying what to do.
     */
    @Override
    public BandwidthReport bandwidth() {
        try {
            return call("bandwidth", BandwidthReport.class);
        } catch (BitsException e) {
            if (e.code() != ErrorCodes.E_NOTIMPL) {
                throw e;
            }
            throw new BitsException(ErrorCodes.E_NOTIMPL, "The Drizzle service at " + address
                    + " predates Get-BitsBandwidth and cannot report bandwidth; restart it to run this version ("
                    + e.getMessage() + ")");
        }
    }

    /** An addition within protocol version 1, like {@link #bandwidth()}: an older service answers E_NOTIMPL. */
    @Override
    public EffectivePolicy effectivePolicy() {
        return call("effectivePolicy", EffectivePolicy.class);
    }

    @Override
    public Subscription subscribe(JobListener listener) {
        long sid = nextId.getAndIncrement();
        listeners.put(sid, listener);
        try {
            invoke("subscribe", params("subscription", sid));
        } catch (RuntimeException e) {
            listeners.remove(sid);
            throw e;
        }
        return () -> {
            if (listeners.remove(sid) != null && broken == null) {
                try {
                    invoke("unsubscribe", params("subscription", sid));
                } catch (BitsException e) {
                    LOG.debug("unsubscribe: {}", e.getMessage());
                }
            }
        };
    }

    /** The service's own status (state, mode, pid, socket, store, protocol). */
    public Map<String, Object> serviceStatus() {
        return convert(invoke("service.status", params()), new TypeReference<Map<String, Object>>() { });
    }

    /** Asks the service to stop cleanly (admins, or the user a user-mode service runs as). */
    public Map<String, Object> stopService() {
        return convert(invoke("service.stop", params()), new TypeReference<Map<String, Object>>() { });
    }

    /** Whether the connection to the service is still up. */
    public boolean connected() {
        return broken == null && channel.isOpen();
    }

    @Override
    public void close() {
        disconnect(new BitsException(Protocol.RPC_E_DISCONNECTED, "The connection to the Drizzle service was closed."));
    }

    private <T> T call(String method, Class<T> type, Object... namesAndValues) {
        return convert(invoke(method, params(namesAndValues)), type);
    }

    private ObjectNode params(Object... namesAndValues) {
        ObjectNode p = json.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.set((String) namesAndValues[i], json.valueToTree(namesAndValues[i + 1]));
        }
        return p;
    }

    private JsonNode invoke(String method, ObjectNode params) {
        BitsException down = broken;
        if (down != null) {
            throw new BitsException(down.code(), down.getMessage());
        }
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            send(Message.request(id, method, params));
            return reply.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException e) {
            disconnect(lost(e));
            throw lost(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BitsException b) {
                throw new BitsException(b.code(), b.getMessage(), b);
            }
            throw new BitsException(ErrorCodes.E_FAIL, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new BitsException(Protocol.RPC_E_DISCONNECTED, "The Drizzle service at " + address
                    + " did not answer " + method + " within " + CALL_TIMEOUT_SECONDS + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitsException(ErrorCodes.E_FAIL, "Interrupted while waiting for the service.");
        } finally {
            pending.remove(id);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return node == null || node.isNull() ? null : json.treeToValue(node, type);
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH, "Unexpected reply: " + e.getMessage());
        }
    }

    private <T> T convert(JsonNode node, TypeReference<T> type) {
        try {
            return json.treeToValue(node, json.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH, "Unexpected reply: " + e.getMessage());
        }
    }

    /**
     * Writes one request with the caller's interrupt flag held back: an interrupted thread writing
     * to a socket channel closes it (ClosedByInterruptException), which would cut every later call
     * of this shared connection, a Ctrl+C's Cancel first. The flag is restored for the wait that follows.
     */
    private synchronized void send(Message m) throws IOException {
        byte[] frame = json.writeValueAsBytes(m);
        boolean interrupted = Thread.interrupted();
        try {
            FrameCodec.write(out, frame);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readLoop(InputStream in) {
        try {
            byte[] frame;
            while ((frame = FrameCodec.read(in, FrameCodec.MAX_REPLY)) != null) {
                route(json.readValue(frame, Message.class));
            }
            disconnect(lost(null));
        } catch (IOException e) {
            disconnect(lost(e));
        }
    }

    private void route(Message m) {
        if (Message.EVENT.equals(m.type())) {
            JobListener l = m.subscription() == null ? null : listeners.get(m.subscription());
            if (l != null && m.event() != null) {
                try {
                    l.onEvent(m.event());
                } catch (RuntimeException e) {
                    LOG.warn("Event listener failed: {}", LogText.of(e.toString()));
                }
            }
            return;
        }
        CompletableFuture<JsonNode> reply = m.id() == null ? null : pending.get(m.id());
        if (reply == null) {
            if (m.error() != null) {
                LOG.warn("The service reported: {}", LogText.of(m.error().message()));
            }
            return;
        }
        if (m.error() != null) {
            reply.completeExceptionally(m.error().toException());
        } else {
            reply.complete(m.result());
        }
    }

    private BitsException lost(IOException cause) {
        return new BitsException(Protocol.RPC_E_DISCONNECTED, "Lost the connection to the Drizzle service at " + address
                + " (it stopped or crashed" + (cause == null ? "" : ": " + cause.getMessage())
                + "). Jobs are kept; they continue when the service is running again.");
    }

    private void disconnect(BitsException why) {
        if (broken == null) {
            broken = why;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.toString());
        }
        pending.values().forEach(f -> f.completeExceptionally(broken));
    }
}
