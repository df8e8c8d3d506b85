package org.drizzle.engine.idle;

/**
 * What the idle-bandwidth estimator believes about one interface in one direction, for
 * Get-BitsBandwidth and the logs. Rates are bytes per second.
 *
 * @param interfaceName     the interface ("eth0"; the index on Windows)
 * @param upload            false for the receive direction (downloads), true for sending
 * @param capacity          the link capacity in use: configured, NIC speed or learned; 0 while unknown
 * @param others            everyone else's traffic in the last sample
 * @param own               Drizzle's own traffic in the last sample
 * @param allowance         what background jobs may use now
 * @param queueDelayMicros  queueing delay on our connections above their base, or -1 when unmeasured
 */
public record LinkEstimate(String interfaceName, boolean upload, long capacity, long others, long own,
                           long allowance, long queueDelayMicros) {
}
