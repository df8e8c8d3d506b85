package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** How clients are counted for the session caps (the caps themselves: UploadServerSecurityTest). */
class SessionQuotaTest {
    @Test
    void anIpv4ClientCountsByItsAddress() throws Exception {
        assertThat(key("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(key("192.0.2.8")).isNotEqualTo(key("192.0.2.7"));
        assertThat(key("::ffff:192.0.2.7")).as("an IPv4-mapped peer is the IPv4 client").isEqualTo("192.0.2.7");
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() throws Exception {
        assertThat(key("2001:db8:1:2::5")).isEqualTo("2001:db8:1:2::/64");
        assertThat(key("2001:db8:1:2:ffff:ffff:ffff:1")).as("another address in the same /64").isEqualTo(key("2001:db8:1:2::5"));
        assertThat(key("2001:db8:1:3::5")).isNotEqualTo(key("2001:db8:1:2::5"));
    }

    @Test
    void anUnknownPeerSharesOneKey() {
        assertThat(SessionQuota.clientKey(null)).isEqualTo("unknown");
    }

    private static String key(String address) throws Exception {
        return SessionQuota.clientKey(new InetSocketAddress(InetAddress.getByName(address), 1234));
    }
}
