package org.drizzle.cmdlets.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of binding one invocation: values by parameter (the host's
 * {@code $PSBoundParameters}), the chosen parameter set and the common parameters.
 * Immutable; pipeline binding derives a new one per input object.
 */
public final class BoundParameters {
    private final Map<ParameterMetadata, Object> values;
    private final String parameterSetName;
    private final CommonParameters common;
    private final List<String> candidates;

    BoundParameters(Map<ParameterMetadata, Object> values, String parameterSetName, CommonParameters common,
                    List<String> candidates) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.parameterSetName = parameterSetName;
        this.common = common;
        this.candidates = List.copyOf(candidates);
    }

    /** The parameter sets still possible after command-line binding (pipeline input narrows them). */
    List<String> candidates() {
        return candidates;
    }

    /** Converted values keyed by parameter, in binding order. */
    public Map<ParameterMetadata, Object> values() {
        return values;
    }

    /** Values keyed by parameter name ($PSBoundParameters), in binding order. */
    public Map<String, Object> byName() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((p, v) -> out.put(p.name(), v));
        return out;
    }

    public boolean isBound(String name) {
        return values.keySet().stream().anyMatch(p -> p.name().equalsIgnoreCase(name));
    }

    public Object get(String name) {
        return values.entrySet().stream().filter(e -> e.getKey().name().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The resolved parameter set (may be provisional until pipeline input is bound). */
    public String parameterSetName() {
        return parameterSetName;
    }

    public CommonParameters common() {
        return common;
    }

    @Override
    public String toString() {
        return byName() + " [" + parameterSetName + "]";
    }
}
