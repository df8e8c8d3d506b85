package org.drizzle.policy;

/** One schedule's background limits, one per priority (High/Normal/Low...BandwidthLimit and Type). */
public record PriorityLimits(Rate high, Rate normal, Rate low) {
    public static final PriorityLimits UNLIMITED = new PriorityLimits(Rate.UNLIMITED, Rate.UNLIMITED, Rate.UNLIMITED);

    public Rate forPriority(Priority priority) {
        switch (priority) {
            case HIGH:
                return high;
            case NORMAL:
                return normal;
            case LOW:
                return low;
            default:
                return Rate.UNLIMITED;
        }
    }
}
