package org.drizzle.engine.api;

import org.drizzle.engine.job.Names;

/** Where the idle-bandwidth estimator's link capacity comes from (Get-BitsBandwidth's CapacitySource). */
public enum CapacitySource {
    /** An administrator's setting gave the capacity. */
    SETTING,
    /** The network adapter reports a meaningful link speed. */
    NIC_SPEED,
    /** Learned from the highest total throughput seen, decaying slowly. */
    LEARNED,
    /** Nothing has been sampled yet. */
    UNKNOWN;

    /** The PowerShell spelling: Setting, NicSpeed, Learned, Unknown. */
    public String displayName() {
        return Names.pascal(name());
    }
}
