package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Value names ignore case (as in the registry), so one file that sets a value under two
 * spellings is rejected naming both; and a file's names and values cannot break a log line.
 */
class PolicyKeyCaseTest {

    static PolicyLayer read(String json) throws PolicyRejectedException {
        return JsonPolicyReader.read(json, PolicySource.FILE, "policy.json");
    }

    @Test
    void twoSpellingsOfOneValueAreRejectedNamingBoth() {
        assertThatThrownBy(() -> read("{\"JobInactivityTimeout\": 30, \"jobinactivitytimeout\": 31}"))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.problems()).containsExactly(
                        "\"JobInactivityTimeout\" and \"jobinactivitytimeout\" differ only in case and both set"
                                + " JobInactivityTimeout; keep one"));
    }

    @Test
    void nestedAndPathSpellingsCountToo() {
        assertThatThrownBy(() -> read("{\"Throttling\": {\"EnableBandwidthLimits\": 0},"
                + " \"THROTTLING\\\\enablebandwidthlimits\": 1}"))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> assertThat(e.getMessage())
                        .contains("\"Throttling\\\\EnableBandwidthLimits\" and \"THROTTLING\\\\enablebandwidthlimits\"",
                                "differ only in case", "Throttling\\EnableBandwidthLimits"));
    }

    @Test
    void oneSpellingInAnyCaseIsStillAccepted() throws Exception {
        assertThat(read("{\"jobinactivitytimeout\": 30}").values()).hasSize(1);
    }

    @Test
    void aLineBreakInANameOrValueStaysEscapedInTheRejection() {
        assertThatThrownBy(() -> read("{\"Bogus\\nPolicy from x applied\": 1, \"Drizzle\\\\FleetPolicyUrl\": 5,"
                + " \"Drizzle\\\\MeteredInterfaces\": \"a\\nb\"}"))
                .isInstanceOfSatisfying(PolicyRejectedException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain("\n", "\r")
                            .contains("unknown policy value \"Bogus\\nPolicy from x applied\"", "\"a\\nb\"");
                });
    }

    @Test
    void theManagerKeepsTheLastGoodPolicyAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.json");
        PolicyFileSource source = new PolicyFileSource(file);
        try (PolicyManager manager = new PolicyManager(List.of(source))) {
            Files.writeString(file, "{\"MaxJobsPerUser\": 7}");
            manager.load();
            Files.writeString(file, "{\"MaxJobsPerUser\": 7, \"maxjobsperuser\": 1000}");
            assertThat(manager.reload(source)).isFalse();
            assertThat(manager.current().maxJobsPerUser()).isEqualTo(new Setting<>(7L, PolicySource.FILE));
            assertThat(manager.rejections().get(PolicySource.FILE))
                    .contains(file.toString(), "\"MaxJobsPerUser\" and \"maxjobsperuser\" differ only in case");
        }
    }
}
