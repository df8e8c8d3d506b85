package org.drizzle.engine.testserver;

import java.util.Map;

/**
 * One request as the server received it, for assertions (method, request target, headers with
 * lower-case names; repeated headers joined with ", ").
 *
 * @param viaProxy the Host header named another server: the request came to this server acting
 *                 as a forward proxy
 */
public record RecordedRequest(String method, String target, Map<String, String> headers, boolean viaProxy) {

    /** A header's value by case-insensitive name, or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
