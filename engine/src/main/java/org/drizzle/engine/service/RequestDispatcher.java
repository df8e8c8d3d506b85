package org.drizzle.engine.service;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;

/**
 * Turns one request into one call on the caller's {@link EngineClient} through the reflected
 * {@link EngineMethods} table, and the result into JSON (docs/protocol.md). A parameter that does
 * not decode is E_INVALIDARG naming it; an absent one is null (false for a flag), except a
 * number, which is required. {@code subscribe}/{@code unsubscribe} are the protocol's own.
 */
final class RequestDispatcher implements AutoCloseable {
    private final EngineClient engine;
    private final Consumer<Message> events;
    private final ObjectMapper json = Protocol.mapper();
    private final Map<Long, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong nextSubscription = new AtomicLong(1);

    RequestDispatcher(EngineClient engine, Consumer<Message> events) {
        this.engine = engine;
        this.events = events;
    }

    JsonNode dispatch(String method, JsonNode params) {
        if (method == null) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The request has no method.");
        }
        Object result = switch (method) {
            case "subscribe" -> subscribe(value(params, "subscription"));
            case "unsubscribe" -> unsubscribe(params);
            default -> call(method, params);
        };
        return result == null ? NullNode.getInstance() : json.valueToTree(result);
    }

    private Object call(String method, JsonNode params) {
        EngineMethods.Entry e = EngineMethods.byName(method);
        if (e == null) {
            throw new BitsException(ErrorCodes.E_NOTIMPL, "Unknown method '" + method + "'.");
        }
        Object[] args = new Object[e.names().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = argument(params, e.names().get(i), e.types().get(i));
        }
        try {
            return e.method().invoke(engine, args);
        } catch (InvocationTargetException x) {
            if (x.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(x.getCause());
        } catch (IllegalAccessException x) {
            throw new IllegalStateException(x);
        }
    }

    private Object argument(JsonNode params, String name, JavaType javaType) {
        Class<?> type = javaType.getRawClass();
        JsonNode v = value(params, name);
        if (v == null) {
            if (type == boolean.class) {
                return false;
            }
            if (type.isPrimitive()) {
                throw new BitsException(ErrorCodes.E_INVALIDARG, "The request has no '" + name + "' parameter.");
            }
            return null;
        }
        if (type == String.class && !v.isTextual()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "Parameter '" + name + "' must be a string, not " + v.getNodeType() + ".");
        }
        try {
            return json.readerFor(javaType).readValue(v);
        } catch (Exception x) {
            throw invalid(name, x);
        }
    }

    /** The client may choose the id (so it can route events that arrive before the reply). */
    private Map<String, Long> subscribe(JsonNode requested) {
        Long asked = requested != null && requested.canConvertToLong() ? requested.asLong() : null;
        long sid = asked != null && !subscriptions.containsKey(asked) ? asked
                : nextSubscription.getAndIncrement() + 1_000_000_000L;
        subscriptions.put(sid, engine.subscribe(event -> events.accept(Message.event(sid, event))));
        return Map.of("subscription", sid);
    }

    private Object unsubscribe(JsonNode params) {
        JsonNode v = value(params, "subscription");
        if (v == null || !v.canConvertToLong()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The request has no 'subscription' parameter.");
        }
        Subscription s = subscriptions.remove(v.asLong());
        if (s != null) {
            s.close();
        }
        return null;
    }

    private static JsonNode value(JsonNode params, String name) {
        JsonNode v = params == null ? null : params.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private static BitsException invalid(String name, Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof BitsException b) {
            return b;
        }
        String detail = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new BitsException(ErrorCodes.E_INVALIDARG, "Parameter '" + name + "' is not valid: " + detail);
    }

    @Override
    public void close() {
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
    }
}
