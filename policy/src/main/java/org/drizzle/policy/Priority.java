package org.drizzle.policy;

/**
 * {@code BG_JOB_PRIORITY}: Foreground runs at once and unthrottled; the rest share idle bandwidth.
 * The one priority type of Drizzle: jobs carry it, the store and the wire spell it by constant
 * name, cmdlets show {@link #displayName}, and policy names its registry values after it
 * (HighBandwidthLimit, NormalTransferPolicy). It lives here so the policy module needs nothing
 * from the engine.
 */
public enum Priority {
    /** {@code BG_JOB_PRIORITY_FOREGROUND}: runs concurrently, not limited to idle bandwidth. */
    FOREGROUND(0, "Foreground"),
    /** {@code BG_JOB_PRIORITY_HIGH}. */
    HIGH(1, "High"),
    /** {@code BG_JOB_PRIORITY_NORMAL}: the API default. */
    NORMAL(2, "Normal"),
    /** {@code BG_JOB_PRIORITY_LOW}. */
    LOW(3, "Low");

    private final int value;
    private final String displayName;

    Priority(int value, String displayName) {
        this.value = value;
        this.displayName = displayName;
    }

    public int value() {
        return value;
    }

    public boolean isBackground() {
        return this != FOREGROUND;
    }

    /** True if this priority pre-empts {@code other} (lower value wins). */
    public boolean outranks(Priority other) {
        return value < other.value;
    }

    /** Foreground, High, Normal or Low: the cmdlet spelling and the prefix of policy value names. */
    public String displayName() {
        return displayName;
    }

    /**
     * Accepts Foreground/High/Normal/Low (any case, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static Priority parse(String text) {
        String wanted = text == null ? "" : text.trim().replace("_", "");
        for (Priority p : values()) {
            if (p.displayName.equalsIgnoreCase(wanted)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid Priority; valid values are: "
                + "Foreground, High, Normal, Low");
    }
}
