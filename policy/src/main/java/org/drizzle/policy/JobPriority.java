package org.drizzle.policy;

/**
 * The job priorities policy distinguishes ({@code BG_JOB_PRIORITY_*}). Kept here so the policy
 * module needs nothing from the engine; the engine maps its own Priority by name.
 */
public enum JobPriority {
    FOREGROUND("Foreground"), HIGH("High"), NORMAL("Normal"), LOW("Low");

    private final String valuePrefix;

    JobPriority(String valuePrefix) {
        this.valuePrefix = valuePrefix;
    }

    /** The prefix of this priority's registry value names, e.g. "High" in HighBandwidthLimit. */
    public String valuePrefix() {
        return valuePrefix;
    }

    public boolean isBackground() {
        return this != FOREGROUND;
    }

    /** Accepts Foreground/High/Normal/Low in any case. */
    public static JobPriority parse(String text) {
        for (JobPriority p : values()) {
            if (p.valuePrefix.equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a priority; valid values are Foreground, High, Normal, Low");
    }
}
