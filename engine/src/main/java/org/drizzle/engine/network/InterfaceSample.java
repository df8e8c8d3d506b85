package org.drizzle.engine.network;

/**
 * One reading of a network interface's byte counters and state.
 *
 * @param name            the interface ("eth0"; on Windows its index as text, e.g. "12")
 * @param rxBytes         bytes received since the interface appeared (all traffic, not only ours)
 * @param txBytes         bytes sent since the interface appeared
 * @param linkSpeed       the NIC's own link speed in bytes per second when it means something
 *                        (a physical device reporting a speed), else 0; virtual links report
 *                        speeds that say nothing about the path, so they give 0
 * @param up              whether the interface is administratively up and has carrier
 */
public record InterfaceSample(String name, long rxBytes, long txBytes, long linkSpeed, boolean up) {
}
