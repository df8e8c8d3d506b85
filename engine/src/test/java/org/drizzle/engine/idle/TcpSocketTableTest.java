package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sock_diag finds this process's connections with exact received-byte counts. */
class TcpSocketTableTest {

    @Test
    void listsOurEstablishedConnectionsWithTheirReceivedBytes() throws Exception {
        assumeTrue(TcpSocketTable.isAvailable(), "needs Linux netlink sock_diag");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            accepted.getOutputStream().write(new byte[300_000]);
            client.getInputStream().readNBytes(300_000);
            client.getOutputStream().write(new byte[1234]);
            accepted.getInputStream().readNBytes(1234);

            List<TcpSocketTable.Connection> mine = new TcpSocketTable().connections();
            // Both ends are ours: one received 300 000 bytes, the other 1 234.
            assertThat(mine).extracting(c -> c.info().bytesReceived()).contains(300_000L, 1_234L);
            assertThat(mine).allSatisfy(c -> assertThat(c.peer().isLoopbackAddress()).isTrue());
            assertThat(mine).filteredOn(c -> c.info().bytesReceived() == 300_000L)
                    .allSatisfy(c -> assertThat(c.info().receiverRttMicros()).isPositive());
        }
        assertThat(new TcpSocketTable().connections())
                .noneMatch(c -> c.info().bytesReceived() == 300_000L);
    }
}
