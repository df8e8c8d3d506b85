package org.drizzle.policy;

/**
 * The BITS 2.0 daily schedule (EnableBITSMaxBandwidth): {@code onSchedule} from
 * MaxBandwidthValidFrom up to MaxBandwidthValidTo (wrapping midnight when From > To, the whole
 * day when equal), and {@code offSchedule} otherwise (unlimited with UseSystemMaximum).
 */
public record LegacySchedule(Rate onSchedule, int fromHour, int toHour, Rate offSchedule) {

    public boolean inSchedule(int hour) {
        if (fromHour == toHour) {
            return true;
        }
        return fromHour < toHour ? hour >= fromHour && hour < toHour : hour >= fromHour || hour < toHour;
    }
}
