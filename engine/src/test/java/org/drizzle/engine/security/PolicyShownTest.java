package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.service.RemoteEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 10: while the policy file is rejected, the running service reports the policy it
 * enforces (the last good file) and why the current file is refused; a file that sets one value
 * under two spellings is such a file.
 */
class PolicyShownTest {

    @Test
    void theServiceReportsTheLastGoodPolicyAndTheRejection(@TempDir Path dir) throws Exception {
        Path policy = Files.createDirectories(dir.resolve("etc")).resolve("policy.json");
        Files.writeString(policy, "{\"MaxJobsPerUser\": 2, \"JobInactivityTimeout\": 30}");
        try (LoggedServiceProcess service = LoggedServiceProcess.start(dir); RemoteEngine client = service.connect()) {
            EffectivePolicy before = client.effectivePolicy();
            assertThat(before.rejections()).isEmpty();
            assertThat(before.values()).contains(new EffectivePolicy.Value("MaxJobsPerUser", 2, "Policy file"),
                    new EffectivePolicy.Value("JobInactivityTimeout", 30, "Policy file"));

            Files.writeString(policy, "{\"MaxJobsPerUser\": 2, \"maxjobsperuser\": 1000}");
            EffectivePolicy during = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(client::effectivePolicy, p -> !p.rejections().isEmpty());
            assertThat(during.values()).as("the last good file stays in force, and is what is shown")
                    .isEqualTo(before.values());
            assertThat(during.rejections()).singleElement().satisfies(r -> {
                assertThat(r.source()).isEqualTo("Policy file");
                assertThat(r.problem()).contains(policy.toString(),
                        "\"MaxJobsPerUser\" and \"maxjobsperuser\" differ only in case");
            });

            Files.writeString(policy, "{\"MaxJobsPerUser\": 3}");
            EffectivePolicy after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(client::effectivePolicy, p -> p.rejections().isEmpty());
            assertThat(after.values()).containsExactly(new EffectivePolicy.Value("MaxJobsPerUser", 3, "Policy file"));
        }
    }
}
