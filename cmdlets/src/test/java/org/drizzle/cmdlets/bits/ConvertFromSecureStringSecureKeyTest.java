package org.drizzle.cmdlets.bits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** ConvertFrom-SecureString -SecureKey: the key as a SecureString, read as ConvertTo-SecureString -SecureKey reads it. */
class ConvertFromSecureStringSecureKeyTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    @Test
    void aSecureKeyRoundTripsAndEqualsTheSameKeyAsBytes() {
        SecureString key = new SecureString("0123456789abcdef".toCharArray());
        SecureString secret = new SecureString("p@ss w0rd".toCharArray());
        Object encrypted = host.run(List.of(secret), cmd("ConvertFrom-SecureString", p("SecureKey", key))).get(0);
        assertThat(encrypted.toString()).doesNotContain("p@ss");
        SecureString back = (SecureString) host.run(cmd("ConvertTo-SecureString", encrypted, p("SecureKey", key))).get(0);
        assertThat(new String(back.chars())).isEqualTo("p@ss w0rd");
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
        SecureString viaBytes = (SecureString) host.run(cmd("ConvertTo-SecureString", encrypted, p("Key", bytes))).get(0);
        assertThat(new String(viaBytes.chars())).isEqualTo("p@ss w0rd");
        SecureString shortKey = new SecureString("short".toCharArray());
        assertThatThrownBy(() -> host.run(List.of(secret), cmd("ConvertFrom-SecureString", p("SecureKey", shortKey))))
                .hasMessageContaining("16, 24");
    }
}
