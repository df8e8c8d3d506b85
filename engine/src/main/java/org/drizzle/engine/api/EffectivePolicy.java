package org.drizzle.engine.api;

import java.util.List;

/**
 * The Group Policy an engine enforces now, what Get-BitsPolicy shows: every configured value
 * with the source that set it, and every source whose current content is rejected (for which
 * the engine keeps enforcing that source's last good values, the ones listed here).
 *
 * @param values     the configured values in schema order; a value absent here is "not configured"
 * @param rejections the sources rejected now, each with the reasons naming key, value and range
 */
public record EffectivePolicy(List<Value> values, List<Rejection> rejections) {

    public EffectivePolicy {
        values = List.copyOf(values);
        rejections = List.copyOf(rejections);
    }

    /**
     * One configured value.
     *
     * @param name   the registry path ("Throttling\\EnableBandwidthLimits")
     * @param value  a number, a string or a list of strings
     * @param source where it came from ("Policy file", "Registry", "Fleet policy")
     */
    public record Value(String name, Object value, String source) {
    }

    /**
     * A source whose current content the engine refused.
     *
     * @param source  "Policy file", "Registry" or "Fleet policy"
     * @param problem the whole rejection: where, and each problem with key, value and range
     */
    public record Rejection(String source, String problem) {
    }
}
