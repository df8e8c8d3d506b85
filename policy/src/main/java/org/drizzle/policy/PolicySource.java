package org.drizzle.policy;

/**
 * Where an effective policy value came from. Sources are layered in declaration order:
 * a later source wins over an earlier one for every value it sets.
 */
public enum PolicySource {
    /** Built-in behaviour when the policy is "not configured" (not the GP editor's pre-fill). */
    DEFAULT("Not configured"),
    /** The JSON policy file (machine: {@code /etc/drizzle/policy.json}). */
    FILE("Policy file"),
    /** {@code HKLM\Software\Policies\Microsoft\Windows\BITS} on Windows. */
    REGISTRY("Registry"),
    /** The fleet policy URL, or its on-disk cache when the URL cannot be reached. */
    FLEET("Fleet policy");

    private final String displayName;

    PolicySource(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
