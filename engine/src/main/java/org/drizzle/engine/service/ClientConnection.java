package org.drizzle.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.PeerCredentials;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.wire.FrameTooLargeException;
import org.drizzle.engine.wire.FramedConnection;
import org.drizzle.engine.wire.WireLimits;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connected client over a {@link FramedConnection}: learns who it is from the kernel
 * (SO_PEERCRED), exchanges hellos, then answers requests in order on this thread while the
 * connection's writer thread sends responses and events from its bounded queue (so engine threads
 * delivering events never wait on a slow client; one that stops reading is dropped). Bad frames get
 * an error reply; a frame that cannot be skipped (too large, cut off, too slow) closes this
 * connection only. A client that leaves still has every request it sent carried out; only the
 * replies are lost.
 */
final class ClientConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    /** Messages waiting for a client that does not read; beyond this the client is dropped. */
    static final int OUTBOUND_LIMIT = 10_000;
    /** A hello is a version and a umask: anything longer is refused before the caller is known. */
    static final int MAX_HELLO = 64 * 1024;

    /** Says who the kernel (or Windows) reports on the other end; never the client's word. */
    interface CallerIdentity {
        Principal caller() throws IOException;
    }

    private final CallerIdentity identity;
    private final FramedConnection wire;
    private final EngineHost engine;
    private final OwnerUmasks umasks;
    private final Authorizer authorizer;
    private final ServiceControl control;
    private volatile Principal caller;
    private final ObjectMapper json = Protocol.mapper();

    ClientConnection(String name, CallerIdentity identity, ByteChannel channel, WireLimits limits, EngineHost engine,
                     OwnerUmasks umasks, Authorizer authorizer, ServiceControl control) {
        this.authorizer = authorizer;
        this.control = control;
        this.identity = identity;
        this.wire = new FramedConnection(channel, limits, OUTBOUND_LIMIT, name);
        this.engine = engine;
        this.umasks = umasks;
    }

    /** A connection on a Unix-domain socket: the caller is SO_PEERCRED's. */
    static ClientConnection onSocket(String name, SocketChannel ch, WireLimits limits, EngineHost engine, Authorizer authorizer,
                                     OwnerUmasks umasks, ServiceControl control) {
        return new ClientConnection(name, () -> PeerCredentials.of(ch, authorizer), ch, limits, engine, umasks, authorizer, control);
    }

    @Override
    public void run() {
        try {
            // Read the hello before asking who the caller is: a named-pipe server can only
            // impersonate its client after reading from the pipe.
            Message hello = readHello();
            if (hello == null) {
                return;
            }
            caller = identity.caller();
            if (hello.umask() != null) {
                umasks.report(caller.uid(), hello.umask());
            }
            send(Message.hello(Protocol.VERSION, null, caller));
            try (EngineClient client = engine.clientFor(caller);
                 RequestDispatcher dispatcher = new RequestDispatcher(client, this::send)) {
                serve(dispatcher);
            }
        } catch (EOFException e) {
            LOG.debug("Client {} went away: {}", caller, LogText.of(e.getMessage()));
        } catch (FrameTooLargeException e) {
            LOG.warn("Closing connection of {}: {}", caller, LogText.of(e.getMessage()));
            send(Message.failure(null, WireError.of(ErrorCodes.E_INVALIDARG, e.getMessage())));
        } catch (IOException e) {
            if (wire.isOpen()) {
                LOG.debug("Connection of {} failed: {}", caller, LogText.of(e.toString()));
            }
        } catch (RuntimeException e) {
            LOG.error("Connection of {} failed", caller, e);
        } finally {
            wire.flush(2000);
            close();
        }
    }

    private Message readHello() throws IOException {
        byte[] frame = wire.read(MAX_HELLO);
        if (frame == null) {
            return null;
        }
        Message hello = parse(frame);
        if (hello == null || !Message.HELLO.equals(hello.type()) || hello.version() == null) {
            send(Message.failure(null, WireError.of(ErrorCodes.E_INVALIDARG,
                    "The first message must be a hello with the protocol version.")));
            return null;
        }
        if (hello.version() != Protocol.VERSION) {
            send(Message.failure(null, WireError.of(ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH,
                    "The client speaks protocol version " + hello.version() + "; this service speaks "
                            + Protocol.VERSION + ".")));
            return null;
        }
        return hello;
    }

    private void serve(RequestDispatcher dispatcher) throws IOException {
        byte[] frame;
        while ((frame = wire.read()) != null) {
            Message m = parse(frame);
            if (m == null) {
                send(Message.failure(null, WireError.of(ErrorCodes.E_INVALIDARG, "The frame is not a JSON message.")));
                continue;
            }
            if (!Message.REQUEST.equals(m.type()) || m.id() == null) {
                send(Message.failure(m.id(), WireError.of(ErrorCodes.E_INVALIDARG,
                        "Expected a request with an id, got type '" + m.type() + "'.")));
                continue;
            }
            send(answer(dispatcher, m));
            if ("service.stop".equals(m.method()) && control != null && (caller.admin() || caller.uid() == control.serviceUid())) {
                wire.flush(2000);
                control.requestStop();
            }
        }
    }
    private Message answer(RequestDispatcher dispatcher, Message m) {
        try {
            if (m.method() != null && m.method().startsWith("service.")) {
                return Message.result(m.id(), serviceCall(m.method()));
            }
            JsonNode result = dispatcher.dispatch(m.method(), m.params());
            return Message.result(m.id(), result);
        } catch (BitsException e) {
            if (e.code() == ErrorCodes.E_ACCESSDENIED) {
                authorizer.logRefusal(caller, m.method(), e.getMessage());
            }
            return Message.failure(m.id(), WireError.of(e));
        } catch (IllegalArgumentException e) {
            return Message.failure(m.id(), WireError.of(ErrorCodes.E_INVALIDARG, String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("Request {} failed", LogText.of(m.method()), e);
            return Message.failure(m.id(), WireError.of(ErrorCodes.E_FAIL, m.method() + " failed: " + e));
        }
    }

    /** service.status (anyone) and service.stop (an admin, or the user a user-mode service runs as). */
    private JsonNode serviceCall(String method) {
        switch (method) {
            case "service.status":
                return json.valueToTree(control.status());
            case "service.stop":
                if (!caller.admin() && caller.uid() != control.serviceUid()) {
                    throw new BitsException(ErrorCodes.E_ACCESSDENIED, "Only an administrator may stop the Drizzle service; "
                            + caller.name() + " is not one.");
                }
                return json.valueToTree(control.status()); // the stop starts once this reply is out
            default:
                throw new BitsException(ErrorCodes.E_NOTIMPL, "Unknown method '" + method + "'.");
        }
    }

    private Message parse(byte[] frame) {
        try {
            return json.readValue(frame, Message.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Queues a message; a client that has stopped reading for {@link #OUTBOUND_LIMIT} messages is dropped. */
    private void send(Message m) {
        try {
            if (!wire.offer(json.writeValueAsBytes(m))) {
                LOG.warn("Client {} is not reading; dropping the connection", caller);
                close();
            }
        } catch (IOException e) {
            // The client has left (or stopped reading). What it sent before leaving is still
            // carried out, up to the end of its stream: a Cancel sent on the way out of Ctrl+C
            // must happen. Only the replies are dropped.
            LOG.debug("Client {} no longer reads ({}); dropping replies", caller, e.toString());
        }
    }

    void close() {
        wire.close();
    }
}
