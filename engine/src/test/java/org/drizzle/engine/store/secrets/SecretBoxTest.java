package org.drizzle.engine.store.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing: round trip, fresh IV, and nothing opens that was changed, moved or sealed with another key. */
class SecretBoxTest {
    static SecretBox box() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    final byte[] plain = "{\"credentials\":[{\"password\":\"pw\"}]}".getBytes(StandardCharsets.UTF_8);
    final byte[] job = "job-1".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sealsAndOpensWithAFreshIvEachTime() throws Exception {
        SecretBox b = box();
        byte[] one = b.seal(plain, job);
        byte[] two = b.seal(plain, job);
        assertThat(one).isNotEqualTo(two).hasSize(1 + 12 + plain.length + 16);
        assertThat(one[0]).isEqualTo((byte) 1);
        assertThat(new String(one, StandardCharsets.ISO_8859_1)).doesNotContain("pw");
        assertThat(b.open(one, job)).isEqualTo(plain);
        assertThat(b.open(two, job)).isEqualTo(plain);
    }

    @Test
    void refusesATamperedValueAnotherRowOrAnotherKey() {
        SecretBox b = box();
        byte[] sealed = b.seal(plain, job);
        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;
        assertThatThrownBy(() -> b.open(flipped, job)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> b.open(sealed, "job-2".getBytes(StandardCharsets.US_ASCII))).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> box().open(sealed, job)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> b.open(new byte[10], job)).isInstanceOf(GeneralSecurityException.class);
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;
        assertThatThrownBy(() -> b.open(otherVersion, job)).isInstanceOf(GeneralSecurityException.class);
    }
}
