package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;
import org.junit.jupiter.api.Test;

/** A job's secrets printed (a log line, an exception) show names, never a password or a header value. */
class JobSecretsTest {
    @Test
    void toStringHidesPasswordsAndHeaderValues() {
        JobSecrets s = new JobSecrets(List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "pw-secret")),
                List.of("Authorization: Bearer tok-secret"), new ClientCertificate("/c.p12", "cert-secret"));
        assertThat(s.toString()).contains("alice", "/c.p12", "customHeaders=1")
                .doesNotContain("pw-secret", "tok-secret", "cert-secret");
    }
}
