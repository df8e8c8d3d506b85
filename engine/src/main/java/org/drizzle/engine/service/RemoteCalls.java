package org.drizzle.engine.service;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.engine.api.JobListener;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.StreamChannel;
import org.drizzle.engine.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client end of the service protocol behind the {@link RemoteEngine} proxy: one
 * {@link FramedConnection} shared by every calling thread, a reader thread that routes responses
 * to their callers and events to subscribers, and the {@link EngineMethods} table to name each
 * call's parameters. A caller that is interrupted while its request waits to be written or
 * answered never closes the connection (only the connection's writer thread touches it).
 */
final class RemoteCalls implements InvocationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteCalls.class);
    /** A bound on any single call, so a wedged service cannot hang a script forever. */
    static final long CALL_TIMEOUT_SECONDS = 300;
    /** The service's replies may be large (a -AllUsers listing of 10 000 jobs is ~10 MB). */
    static final int MAX_REPLY = 256 * 1024 * 1024;

    private final String address;
    private final FramedConnection wire;
    private final ObjectMapper json = Protocol.mapper();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<Long, JobListener> listeners = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final Principal caller;
    private volatile BitsException broken;

    private RemoteCalls(String address, ByteChannel channel) throws IOException {
        this.address = address;
        this.wire = new FramedConnection(channel, WireLimits.trusting(MAX_REPLY), 1024, "drizzle-remote");
        wire.send(json.writeValueAsBytes(Message.hello(Protocol.VERSION, OwnerUmasks.currentProcessUmask(), null)));
        byte[] frame = wire.read();
        if (frame == null) {
            wire.close();
            throw new IOException("The service at " + address + " closed the connection during the hello.");
        }
        Message hello = json.readValue(frame, Message.class);
        if (hello.error() != null) {
            wire.close();
            throw hello.error().toException();
        }
        this.caller = hello.principal();
        Thread reader = new Thread(this::readLoop, "drizzle-remote-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static RemoteEngine connect(Path socket) throws IOException {
        String address = socket.toString();
        ByteChannel ch;
        if (NamedPipeServer.isPipeName(address)) {
            // overlapped I/O, so the reader can wait for events while calls are written
            AsynchronousFileChannel pipe = AsynchronousFileChannel.open(socket, StandardOpenOption.READ, StandardOpenOption.WRITE);
            ch = new StreamChannel(PipeStreams.in(pipe), PipeStreams.out(pipe), pipe);
        } else {
            SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                unix.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException | RuntimeException e) {
                unix.close();
                throw e;
            }
            ch = unix;
        }
        try {
            RemoteCalls calls = new RemoteCalls(address, ch);
            return (RemoteEngine) Proxy.newProxyInstance(RemoteEngine.class.getClassLoader(),
                    new Class<?>[] {RemoteEngine.class}, calls);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Object[] a = args == null ? new Object[0] : args;
        switch (method.getName()) {
            case "caller":
                return caller;
            case "close":
                disconnect(new BitsException(Protocol.RPC_E_DISCONNECTED, "The connection to the Drizzle service was closed."));
                return null;
            case "subscribe":
                return subscribe((JobListener) a[0]);
            case "serviceStatus":
                return json.convertValue(call("service.status", json.createObjectNode()), Map.class);
            case "stopService":
                return json.convertValue(call("service.stop", json.createObjectNode()), Map.class);
            case "connected":
                return broken == null && wire.isOpen();
            case "equals":
                return proxy == a[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "RemoteEngine[" + address + "]";
            default:
                return engineCall(method, a);
        }
    }

    private Object engineCall(Method method, Object[] args) {
        EngineMethods.Entry e = EngineMethods.of(method);
        if (e == null) {
            throw new BitsException(ErrorCodes.E_NOTIMPL, method.getName() + " does not go over the service protocol.");
        }
        ObjectNode params = json.createObjectNode();
        for (int i = 0; i < args.length; i++) {
            params.set(e.names().get(i), json.valueToTree(args[i]));
        }
        JsonNode result;
        try {
            result = call(method.getName(), params);
        } catch (BitsException x) {
            if (x.code() == ErrorCodes.E_NOTIMPL && x.getMessage() != null && x.getMessage().startsWith("Unknown method")) {
                throw new BitsException(ErrorCodes.E_NOTIMPL, "The Drizzle service at " + address + " predates '"
                        + method.getName() + "' and cannot answer it; restart it to run this version (" + x.getMessage() + ")");
            }
            throw x;
        }
        return convert(result, e.result());
    }

    private Object convert(JsonNode node, JavaType type) {
        if (node == null || node.isNull() || type.getRawClass() == void.class) {
            return null;
        }
        try {
            return json.readerFor(type).readValue(node);
        } catch (IOException e) {
            throw new BitsException(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH, "Unexpected reply: " + e.getMessage());
        }
    }

    private Subscription subscribe(JobListener listener) {
        long sid = nextId.getAndIncrement();
        listeners.put(sid, listener);
        try {
            call("subscribe", json.createObjectNode().put("subscription", sid));
        } catch (RuntimeException e) {
            listeners.remove(sid);
            throw e;
        }
        return () -> {
            if (listeners.remove(sid) != null && broken == null) {
                try {
                    call("unsubscribe", json.createObjectNode().put("subscription", sid));
                } catch (BitsException e) {
                    LOG.debug("unsubscribe: {}", e.getMessage());
                }
            }
        };
    }

    private JsonNode call(String method, ObjectNode params) {
        BitsException down = broken;
        if (down != null) {
            throw new BitsException(down.code(), down.getMessage());
        }
        long id = nextId.getAndIncrement();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            wire.send(json.writeValueAsBytes(Message.request(id, method, params)));
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

    private void readLoop() {
        try {
            byte[] frame;
            while ((frame = wire.read()) != null) {
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
                    LOG.warn("Event listener failed: {}", e.toString());
                }
            }
            return;
        }
        CompletableFuture<JsonNode> reply = m.id() == null ? null : pending.get(m.id());
        if (reply == null) {
            if (m.error() != null) {
                LOG.warn("The service reported: {}", m.error().message());
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
        wire.close();
        pending.values().forEach(f -> f.completeExceptionally(broken));
    }
}
