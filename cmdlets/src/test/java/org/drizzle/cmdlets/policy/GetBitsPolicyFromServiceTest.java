package org.drizzle.cmdlets.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.drizzle.cmdlets.testing.TestHost.cmd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.cmdlets.testing.TestHost;
import org.drizzle.engine.security.LoggedServiceProcess;
import org.drizzle.engine.service.RemoteEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Get-BitsPolicy against a real service (issue 13 item 10): while the policy file is rejected it
 * shows what the service enforces, the last good values, marked so, and warns why the file is
 * refused; reading the file here instead would show "Not configured".
 */
class GetBitsPolicyFromServiceTest {

    @Test
    void aRejectedFileShowsTheEnforcedLastGoodValuesAndWhy(@TempDir Path dir) throws Exception {
        Path policy = Files.createDirectories(dir.resolve("etc")).resolve("policy.json");
        Files.writeString(policy, "{\"MaxJobsPerUser\": 2}");
        try (LoggedServiceProcess service = LoggedServiceProcess.start(dir); RemoteEngine client = service.connect()) {
            Files.writeString(policy, "{\"MaxJobsPerUser\": 2, \"maxjobsperuser\": 1000}");
            await().atMost(Duration.ofSeconds(20)).until(() -> !client.effectivePolicy().rejections().isEmpty());

            TestHost host = new TestHost(dir, client);
            List<Object> out = host.run(cmd("Get-BitsPolicy", "MaxJobsPer*"));
            assertThat(out).containsExactly(
                    new BitsPolicyValue("MaxJobsPerMachine", 300L, "Not configured", value(out, 0).range(),
                            value(out, 0).description()),
                    new BitsPolicyValue("MaxJobsPerUser", 2L, "Policy file (last good)", value(out, 1).range(),
                            value(out, 1).description()));
            assertThat(host.warnings).singleElement().asString().contains(policy.toString(),
                    "\"MaxJobsPerUser\" and \"maxjobsperuser\" differ only in case", "last good values");
        }
    }

    private static BitsPolicyValue value(List<Object> out, int i) {
        return (BitsPolicyValue) out.get(i);
    }
}
