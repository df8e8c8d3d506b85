package org.drizzle.host.quick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.List;
import org.drizzle.engine.identity.Principal;
import org.junit.jupiter.api.Test;

/** The quick path's uid lookup in the kernel's socket table, on captured lines and on live connections. */
class TcpConnectionOwnerTest {
    // captured from /proc/net/tcp and /proc/net/tcp6 (x86-64) while an IPv6 client socket was
    // connected to an IPv4 listener on 127.0.0.1:43299 from port 56398; uids and the TIME_WAIT line edited in
    static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:A923 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1797760 1 00000000cf7efb1e 100 0 0 10 0",
            "   2: 0100007F:A923 0100007F:DC4F 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000",
            "   3: 0100007F:A923 0100007F:DC4E 01 00000000:00000000 00:00000000 00000000  1000        0 1797763 1 0000000098104898 20 0 0 10 -1");
    static final List<String> TCP6 = List.of(
            "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0000000000000000FFFF00000100007F:DC4E 0000000000000000FFFF00000100007F:A923 01 00000000:00000000 00:00000000 00000000  1001        0 1797762 2 00000000f2810ac3 20 0 0 10 -1");

    static InetSocketAddress loopback(int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port);
    }

    @Test
    void findsTheUidOfTheEstablishedSocketWithExactlyThatAddressPair() throws Exception {
        ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        // the listener's accepted side: local 127.0.0.1:43299, peer 127.0.0.1:56398
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xA923), loopback(0xDC4E), le)).isEqualTo(1000);
        // the client side, listed in tcp6 as ::ffff:127.0.0.1
        assertThat(TcpConnectionOwner.find(TCP6, loopback(0xDC4E), loopback(0xA923), le)).isEqualTo(1001);
        // the pair reversed, another port, the listening socket and a TIME_WAIT entry: no match
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xDC4E), loopback(0xA923), le)).isEqualTo(-1);
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xA923), loopback(0xDC50), le)).isEqualTo(-1);
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xA923), loopback(0), le)).isEqualTo(-1);
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xA923), loopback(0xDC4F), le)).isEqualTo(-1);
        // another address with the same ports
        InetSocketAddress other = new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 2}), 0xDC4E);
        assertThat(TcpConnectionOwner.find(TCP, loopback(0xA923), other, le)).isEqualTo(-1);
    }

    @Test
    void readsAddressWordsInTheMachinesByteOrder() {
        assertThat(TcpConnectionOwner.address("0100007F", ByteOrder.LITTLE_ENDIAN)).containsExactly(127, 0, 0, 1);
        assertThat(TcpConnectionOwner.address("7F000001", ByteOrder.BIG_ENDIAN)).containsExactly(127, 0, 0, 1);
        assertThat(TcpConnectionOwner.address("0000000000000000FFFF00000100007F", ByteOrder.LITTLE_ENDIAN)).containsExactly(127, 0, 0, 1);
        assertThat(TcpConnectionOwner.address("00000000000000000000000001000000", ByteOrder.LITTLE_ENDIAN))
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1); // ::1
        assertThat(TcpConnectionOwner.address("7F0001", ByteOrder.LITTLE_ENDIAN)).isNull();
    }

    @Test
    void aLiveLoopbackConnectionIsFoundWithThisProcesssUidFromBothEnds() throws Exception {
        assumeTrue(Files.isReadable(TcpConnectionOwner.TCP), "needs Linux's /proc/net/tcp");
        long self = Principal.current().uid();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET).bind(loopback(0))) {
            InetSocketAddress listening = (InetSocketAddress) server.getLocalAddress();
            // IPv4 as the quick path uses, and the JDK's default (dual-stack: ::ffff:127.0.0.1 in tcp6)
            for (SocketChannel client : List.of(SocketChannel.open(StandardProtocolFamily.INET), SocketChannel.open())) {
                try (client) {
                    client.connect(listening);
                    try (SocketChannel accepted = server.accept()) {
                        InetSocketAddress clientEnd = (InetSocketAddress) accepted.getRemoteAddress();
                        assertThat(TcpConnectionOwner.ownerUid(clientEnd, listening)).isEqualTo(self);
                        assertThat(TcpConnectionOwner.ownerUid(listening, clientEnd)).isEqualTo(self);
                        assertThat(TcpConnectionOwner.ownerUid(clientEnd, loopback(listening.getPort() == 1 ? 2 : 1))).isEqualTo(-1);
                    }
                }
            }
        }
    }
}
