package org.drizzle.policy;

import java.util.List;

/**
 * A policy source was refused: each problem names the key, the value and the allowed range.
 * The source's last good policy stays in force.
 */
public class PolicyRejectedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public PolicyRejectedException(String origin, List<String> problems) {
        super("Policy from " + origin + " rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
