package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** TCP_INFO, TCP_CONGESTION, TCP_WINDOW_CLAMP and TCP_MAXSEG on real sockets. */
class SocketOptionsTest {

    @Test
    void readsTcpInfoOfAConnectedSocket() throws Exception {
        assumeTrue(Platform.isLinux(), "TCP_INFO is Linux");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            accepted.getOutputStream().write(new byte[300_000]);
            InputStream in = client.getInputStream();
            assertThat(in.readNBytes(300_000)).hasSize(300_000);

            TcpInfo info = SocketOptions.tcpInfo(client);
            assertThat(info).isNotNull();
            assertThat(info.bytesReceived()).isEqualTo(300_000);
            assertThat(info.rttMicros()).isPositive();
            assertThat(info.receiverRttMicros()).isPositive().isLessThan(1_000_000);
        }
    }

    @Test
    void readsTcpInfoThroughASocketChannel() throws Exception {
        assumeTrue(Platform.isLinux(), "TCP_INFO is Linux");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
             Socket accepted = server.accept()) {
            accepted.getOutputStream().write(new byte[1000]);
            channel.read(java.nio.ByteBuffer.allocate(1000));
            assertThat(SocketOptions.descriptor(channel.socket())).isPositive();
            assertThat(SocketOptions.tcpInfo(channel.socket())).isNotNull();
        }
    }

    @Test
    void unconnectedOrClosedSocketsGiveNoInfoInsteadOfFailing() throws Exception {
        Socket closed = new Socket();
        closed.close();
        assertThat(SocketOptions.tcpInfo(closed)).isNull();
        assertThat(SocketOptions.setCongestionControl(closed, "reno")).isFalse();
        assertThat(SocketOptions.setWindowClamp(closed, 16_384)).isFalse();
        assertThat(SocketOptions.windowClamp(closed)).isEqualTo(-1);
        assertThat(SocketOptions.maxSegment(closed)).isEqualTo(-1);
    }

    @Test
    void windowClampIsSetAndReadBack() throws Exception {
        assumeTrue(Platform.isLinux(), "TCP_WINDOW_CLAMP is Linux");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(65536); // creates the descriptor
            assertThat(SocketOptions.setWindowClamp(socket, 20_000)).isTrue();
            assertThat(SocketOptions.windowClamp(socket)).isEqualTo(20_000);
            assertThat(SocketOptions.setWindowClamp(socket, 0)).as("zero is no window").isFalse();
        }
    }

    @Test
    void congestionControlIsSetWhereOfferedAndRefusedWhereNot() throws Exception {
        assumeTrue(Platform.isLinux(), "TCP_CONGESTION is Linux");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(65536); // creates the descriptor
            assertThat(SocketOptions.setCongestionControl(socket, "reno")).isTrue();
            assertThat(SocketOptions.congestionControl(socket)).isEqualTo("reno");
            boolean lpOffered = java.nio.file.Files.readString(
                    java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control")).contains("lp");
            assertThat(SocketOptions.setCongestionControl(socket, "lp")).isEqualTo(lpOffered);
            assertThat(SocketOptions.setCongestionControl(socket, "no-such-algorithm")).isFalse();
        }
    }
}
