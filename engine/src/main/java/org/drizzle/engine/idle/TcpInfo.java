package org.drizzle.engine.idle;

/**
 * The part of Linux's struct tcp_info the delay signal uses.
 *
 * @param rttMicros      smoothed RTT from ACKs of data this side sent (tcpi_rtt); on a download
 *                       it mostly reflects the handshake and requests
 * @param rcvRttMicros   the receiver's RTT estimate from timestamps on arriving data
 *                       (tcpi_rcv_rtt), which includes queueing at the bottleneck; 0 until measured
 * @param bytesReceived  payload bytes received on the connection (tcpi_bytes_received)
 */
public record TcpInfo(long rttMicros, long rcvRttMicros, long bytesReceived) {

    /** The best RTT for a receiver: rcv_rtt once the kernel has one, else the ACK-based RTT. */
    public long receiverRttMicros() {
        return rcvRttMicros > 0 ? rcvRttMicros : rttMicros;
    }
}
