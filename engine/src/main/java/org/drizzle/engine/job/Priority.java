package org.drizzle.engine.job;

/** {@code BG_JOB_PRIORITY}: Foreground runs at once and unthrottled; the rest share idle bandwidth. */
public enum Priority {
    /** {@code BG_JOB_PRIORITY_FOREGROUND}: runs concurrently, not limited to idle bandwidth. */
    FOREGROUND(0),
    /** {@code BG_JOB_PRIORITY_HIGH}. */
    HIGH(1),
    /** {@code BG_JOB_PRIORITY_NORMAL}: the API default. */
    NORMAL(2),
    /** {@code BG_JOB_PRIORITY_LOW}. */
    LOW(3);

    private final int value;

    Priority(int value) {
        this.value = value;
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

    public String displayName() {
        return Names.pascal(name());
    }

    public static Priority parse(String text) {
        return Names.parse(Priority.class, text);
    }
}
