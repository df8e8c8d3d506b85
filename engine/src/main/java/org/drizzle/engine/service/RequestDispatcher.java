package org.drizzle.engine.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.api.Subscription;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;

/**
 * Turns one request into one call on the caller's {@link EngineClient} and the result into
 * JSON. The method names and parameter names are the EngineClient's (docs/protocol.md); any
 * parameter that does not decode is E_INVALIDARG naming the parameter.
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
            case "caller" -> engine.caller();
            case "createJob" -> engine.createJob(text(params, "displayName"),
                    value(params, "type", JobType.class), value(params, "options", JobOptions.class));
            case "addFile" -> engine.addFile(id(params), text(params, "remoteName"), text(params, "localName"),
                    value(params, "ranges", new TypeReference<List<ByteRange>>() { }));
            case "setProperties" -> engine.setProperties(id(params), required(params, "changes", JobOptions.class));
            case "setRemoteName" -> engine.setRemoteName(id(params), required(params, "fileIndex", Integer.class),
                    text(params, "remoteName"));
            case "replaceRemotePrefix" -> engine.replaceRemotePrefix(id(params), text(params, "oldPrefix"),
                    text(params, "newPrefix"));
            case "resume" -> engine.resume(id(params));
            case "suspend" -> engine.suspend(id(params));
            case "complete" -> engine.complete(id(params));
            case "cancel" -> engine.cancel(id(params));
            case "takeOwnership" -> engine.takeOwnership(id(params));
            case "getJob" -> engine.getJob(id(params));
            case "listJobs" -> engine.listJobs(Boolean.TRUE.equals(value(params, "allUsers", Boolean.class)));
            case "getReplyData" -> engine.getReplyData(id(params));
            case "bandwidth" -> engine.bandwidth();
            case "effectivePolicy" -> engine.effectivePolicy();
            case "subscribe" -> subscribe(value(params, "subscription", Long.class));
            case "unsubscribe" -> unsubscribe(required(params, "subscription", Long.class));
            default -> throw new BitsException(ErrorCodes.E_NOTIMPL, "Unknown method '" + method + "'.");
        };
        return result == null ? NullNode.getInstance() : json.valueToTree(result);
    }

    /** The client may choose the id (so it can route events that arrive before the reply). */
    private Map<String, Long> subscribe(Long requested) {
        long sid = requested != null && !subscriptions.containsKey(requested) ? requested
                : nextSubscription.getAndIncrement() + 1_000_000_000L;
        subscriptions.put(sid, engine.subscribe(event -> events.accept(Message.event(sid, event))));
        return Map.of("subscription", sid);
    }

    private Object unsubscribe(long sid) {
        Subscription s = subscriptions.remove(sid);
        if (s != null) {
            s.close();
        }
        return null;
    }

    private JobId id(JsonNode params) {
        String text = text(params, "id");
        if (text == null) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The request has no job id.");
        }
        return JobId.parse(text);
    }

    private static String text(JsonNode params, String name) {
        JsonNode v = params == null ? null : params.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "Parameter '" + name + "' must be a string, not " + v.getNodeType() + ".");
        }
        return v.asText();
    }

    private <T> T required(JsonNode params, String name, Class<T> type) {
        T v = value(params, name, type);
        if (v == null) {
            throw new BitsException(ErrorCodes.E_INVALIDARG, "The request has no '" + name + "' parameter.");
        }
        return v;
    }

    private <T> T value(JsonNode params, String name, Class<T> type) {
        JsonNode v = params == null ? null : params.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(v, type);
        } catch (Exception e) {
            throw invalid(name, e);
        }
    }

    private <T> T value(JsonNode params, String name, TypeReference<T> type) {
        JsonNode v = params == null ? null : params.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(v, json.getTypeFactory().constructType(type));
        } catch (Exception e) {
            throw invalid(name, e);
        }
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
