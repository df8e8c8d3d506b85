package org.drizzle.engine.idle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Background sockets get the small receive window and report their RTT. */
class BackgroundSocketTunerTest {

    @Test
    void smallReceiveBufferIsSetBeforeConnectAndTheSocketFeedsTheDelaySignal() throws Exception {
        DelaySignal delay = new DelaySignal();
        BackgroundSocketTuner tuner = new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false, delay);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = tuner.create(null)) {
            // Linux doubles the request for bookkeeping; the default would be far larger (autotuned up to MBs).
            assertThat(socket.getReceiveBufferSize()).isBetween(64 * 1024, 2 * 64 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
            try (Socket accepted = server.accept()) {
                accepted.getOutputStream().write(new byte[500_000]);
                socket.getInputStream().readNBytes(500_000);
                assumeTrue(Platform.isLinux(), "TCP_INFO is Linux");
                Map<String, Long> delays = delay.sample(System.nanoTime(), a -> "lo");
                assertThat(delays).containsKey("lo");
                assertThat(delays.get("lo")).isGreaterThanOrEqualTo(0).isLessThan(60_000);
            }
        }
    }

    @Test
    void windowsAreClampedToTheAllowanceOverOneBaseRoundTripPlusTheMarginSharedPerInterface() throws Exception {
        assumeTrue(Platform.isLinux(), "TCP_WINDOW_CLAMP is Linux");
        DelaySignal delay = new DelaySignal();
        BackgroundSocketTuner tuner = new BackgroundSocketTuner(BackgroundSocketTuner.DEFAULT_RECEIVE_BUFFER, false, delay);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 2, loopback);
             Socket a = tuner.create(null);
             Socket b = tuner.create(null)) {
            a.connect(new InetSocketAddress(loopback, server.getLocalPort()));
            b.connect(new InetSocketAddress(loopback, server.getLocalPort()));
            try (Socket sa = server.accept(); Socket sb = server.accept()) {
                sa.getOutputStream().write(new byte[100_000]);
                sb.getOutputStream().write(new byte[100_000]);
                a.getInputStream().readNBytes(100_000);
                b.getInputStream().readNBytes(100_000);
                delay.sample(System.nanoTime(), x -> "lo");
                long base = delay.base(loopback);
                assertThat(base).isNotNegative();

                delay.limitWindows(x -> "lo", name -> 200_000_000);
                int expected = (int) (200_000_000 * (base + DelaySignal.WINDOW_MARGIN_MICROS) / 1e6 / 2);
                assertThat(SocketOptions.windowClamp(a)).as("half of 200 MB/s x (base + 10 ms)")
                        .isBetween(expected - 1, expected + 1);
                assertThat(SocketOptions.windowClamp(b)).isBetween(expected - 1, expected + 1);

                delay.limitWindows(x -> "lo", name -> 1_000);
                // Loopback's segments are 64 KiB: a window of fewer than four would stall the flow.
                int segment = SocketOptions.maxSegment(a);
                assertThat(segment).isPositive();
                int least = Math.max(DelaySignal.MIN_WINDOW, DelaySignal.SEGMENTS * segment);
                assertThat(SocketOptions.windowClamp(a)).as("never below a few segments").isEqualTo(least);
                // No allowance known for the interface: the windows stay as they are.
                delay.limitWindows(x -> "lo", name -> -1);
                assertThat(SocketOptions.windowClamp(a)).isEqualTo(least);
            }
        }
    }

    @Test
    void httpClientBuiltOnTheTunerUsesTunedSocketsForItsRequests() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = new byte[2_000_000];
        server.createContext("/f", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        DelaySignal delay = new DelaySignal();
        BackgroundSocketTuner tuner = new BackgroundSocketTuner(32 * 1024, false, delay);
        try (var client = org.apache.hc.client5.http.impl.classic.HttpClients.custom()
                .setConnectionManager(tuner.connectionManagerBuilder().build()).build()) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/f";
            byte[] got = client.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(url), response -> {
                byte[] b = org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(response.getEntity());
                assumeTrue(Platform.isLinux(), "TCP_INFO is Linux");
                // The pooled connection is still open here: the tuner registered it.
                assertThat(delay.sample(System.nanoTime(), a -> "lo")).containsKey("lo");
                return b;
            });
            assertThat(got).hasSize(body.length);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void uploadSocketsFallBackSilentlyWhereTcpLpIsMissing() throws Exception {
        BackgroundSocketTuner tuner = new BackgroundSocketTuner(32 * 1024, true, null);
        try (Socket socket = tuner.create(null)) {
            String cc = SocketOptions.congestionControl(socket);
            if (Platform.isLinux()) {
                boolean lp = java.nio.file.Files.readString(
                        java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control")).contains("lp");
                assertThat(cc).isNotNull();
                assertThat(cc.equals("lp")).isEqualTo(lp);
            }
        }
    }

    @Test
    void tooSmallBufferIsRejectedWithTheValue() {
        assertThatThrownBy(() -> new BackgroundSocketTuner(100, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100");
    }

    @Test
    void baseDelayIsTheMinimumOfTheLastTenMinutes() throws Exception {
        DelaySignal signal = new DelaySignal();
        InetAddress a = InetAddress.getLoopbackAddress();
        long minute = 60_000_000_000L;
        assertThat(signal.queueingDelay(a, 0, new TcpInfo(0, 20_000, 0))).isZero();
        assertThat(signal.queueingDelay(a, minute, new TcpInfo(0, 90_000, 0))).isEqualTo(70_000);
        // Ten minutes on, the first minute (20 ms) has aged out; 90 ms from minute one is the base.
        assertThat(signal.queueingDelay(a, 10 * minute, new TcpInfo(0, 95_000, 0))).isEqualTo(5_000);
        // A handshake RTT below the data RTT also lowers the base.
        assertThat(signal.queueingDelay(a, 10 * minute, new TcpInfo(30_000, 95_000, 0))).isEqualTo(65_000);
    }
}
