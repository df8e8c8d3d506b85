package org.drizzle.policy;

/**
 * An effective policy value and the source that set it ({@link PolicySource#DEFAULT} when no
 * source configures it and the "not configured" behaviour applies).
 */
public record Setting<T>(T value, PolicySource source) {

    public boolean isConfigured() {
        return source != PolicySource.DEFAULT;
    }
}
