package org.drizzle.engine.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Principal;

/**
 * One protocol message (docs/protocol.md). {@code type} says which fields are set:
 * <ul>
 * <li>{@code hello}: version, umask (client) / version, principal (service)</li>
 * <li>{@code request}: id, method, params</li>
 * <li>{@code response}: id and either result or error</li>
 * <li>{@code event}: subscription, event</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(String type, Integer version, Long id, String method, JsonNode params, JsonNode result,
                      WireError error, Long subscription, JobEvent event, Integer umask, Principal principal) {
    public static final String HELLO = "hello";
    public static final String REQUEST = "request";
    public static final String RESPONSE = "response";
    public static final String EVENT = "event";

    public static Message hello(int version, Integer umask, Principal principal) {
        return new Message(HELLO, version, null, null, null, null, null, null, null, umask, principal);
    }

    public static Message request(long id, String method, JsonNode params) {
        return new Message(REQUEST, null, id, method, params, null, null, null, null, null, null);
    }

    public static Message result(Long id, JsonNode result) {
        return new Message(RESPONSE, null, id, null, null, result, null, null, null, null, null);
    }

    public static Message failure(Long id, WireError error) {
        return new Message(RESPONSE, null, id, null, null, null, error, null, null, null, null);
    }

    public static Message event(long subscription, JobEvent event) {
        return new Message(EVENT, null, null, null, null, null, null, subscription, event, null, null);
    }
}
