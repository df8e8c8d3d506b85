package org.drizzle.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the route to a server is read from {@code ip route get}. */
class RouteLookupTest {

    @Test
    void parsesIpRouteGet() {
        assertThat(RouteLookup.parse("10.1.2.3 via 192.168.1.1 dev wlan0 src 192.168.1.20 uid 0 \n    cache \n"))
                .isEqualTo(new RouteLookup.Route("wlan0", "192.168.1.1"));
        RouteLookup.Route lan = RouteLookup.parse("192.168.1.5 dev eth0 src 192.168.1.20 uid 0\n    cache\n");
        assertThat(lan).isEqualTo(new RouteLookup.Route("eth0", null));
        assertThat(lan.onLink()).isTrue();
        assertThat(RouteLookup.parse("RTNETLINK answers: Network is unreachable")).isNull();
    }
}
