package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering, last-good-wins on rejection, and change detection of the real policy file. */
class PolicyManagerTest {
    @TempDir
    Path dir;

    /** A source whose values the test sets directly, standing in for the Windows registry here. */
    static final class FixedSource implements PolicyProvider {
        private final PolicySource source;
        volatile String json;

        FixedSource(PolicySource source, String json) {
            this.source = source;
            this.json = json;
        }

        @Override
        public PolicySource source() {
            return source;
        }

        @Override
        public String origin() {
            return source.name().toLowerCase();
        }

        @Override
        public PolicyLayer load() throws PolicyRejectedException {
            return JsonPolicyReader.read(json, source, origin());
        }

        @Override
        public void start(Runnable changed) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void laterSourcesWinValueByValue() {
        FixedSource file = new FixedSource(PolicySource.FILE, "{\"JobInactivityTimeout\": 10, \"MaxJobsPerUser\": 5, \"MaxFilesPerJob\": 7}");
        FixedSource registry = new FixedSource(PolicySource.REGISTRY, "{\"MaxJobsPerUser\": 6, \"MaxFilesPerJob\": 8}");
        FixedSource fleet = new FixedSource(PolicySource.FLEET, "{\"MaxFilesPerJob\": 9}");
        try (PolicyManager manager = new PolicyManager(List.of(file, registry, fleet))) {
            manager.start();
            PolicySnapshot p = manager.current();
            assertThat(p.jobInactivityTimeout()).isEqualTo(new Setting<>(Duration.ofDays(10), PolicySource.FILE));
            assertThat(p.maxJobsPerUser()).isEqualTo(new Setting<>(6L, PolicySource.REGISTRY));
            assertThat(p.maxFilesPerJob()).isEqualTo(new Setting<>(9L, PolicySource.FLEET));
            assertThat(p.maxRangesPerFile()).isEqualTo(new Setting<>(500L, PolicySource.DEFAULT));
        }
    }

    @Test
    void aCombinationBrokenByOneSourceKeepsThatSourcesLastGoodLayer() {
        FixedSource file = new FixedSource(PolicySource.FILE, "{\"EnableBITSMaxBandwidth\": 1, \"MaxTransferRateOnSchedule\": 10,"
                + " \"MaxBandwidthValidFrom\": 8, \"MaxBandwidthValidTo\": 17}");
        FixedSource fleet = new FixedSource(PolicySource.FLEET, "{\"MaxJobsPerUser\": 3}");
        try (PolicyManager manager = new PolicyManager(List.of(file, fleet))) {
            manager.start();
            fleet.json = "{\"EnableBITSMaxBandwidth\": 1, \"MaxBandwidthValidFrom\": 25}";
            assertThat(manager.reload(fleet)).isFalse();
            assertThat(manager.current().maxJobsPerUser().value()).isEqualTo(3);
            assertThat(manager.rejections().get(PolicySource.FLEET)).contains("MaxBandwidthValidFrom = 25");
        }
    }

    @Test
    void fileChangesApplyWithoutRestartAndBadFilesKeepTheLastGoodPolicy() throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "{\"JobInactivityTimeout\": 30}");
        List<PolicySnapshot> seen = new CopyOnWriteArrayList<>();
        try (PolicyManager manager = new PolicyManager(List.of(new PolicyFileSource(file)))) {
            manager.addListener(seen::add);
            manager.start();
            assertThat(manager.current().jobInactivityTimeout().value()).isEqualTo(Duration.ofDays(30));

            Files.writeString(file, "{\"JobInactivityTimeout\": 5}");
            await().atMost(Duration.ofSeconds(15)).until(() -> manager.current().jobInactivityTimeout().value().equals(Duration.ofDays(5)));

            Files.writeString(file, "{\"JobInactivityTimeout\": 5000}");
            await().atMost(Duration.ofSeconds(15)).until(() -> manager.rejections().containsKey(PolicySource.FILE));
            assertThat(manager.rejections().get(PolicySource.FILE))
                    .contains(file.toString(), "JobInactivityTimeout = 5000", "1-999 days");
            assertThat(manager.current().jobInactivityTimeout().value()).isEqualTo(Duration.ofDays(5));

            // An editor that saves by renaming a new file over the old one.
            Path tmp = dir.resolve("policy.json.new");
            Files.writeString(tmp, "{\"JobInactivityTimeout\": 7}");
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(15)).until(() -> manager.current().jobInactivityTimeout().value().equals(Duration.ofDays(7)));
            assertThat(manager.rejections()).isEmpty();

            Files.delete(file);
            await().atMost(Duration.ofSeconds(15)).until(() -> !manager.current().jobInactivityTimeout().isConfigured());
        }
        assertThat(seen).extracting(p -> p.jobInactivityTimeout().value().toDays()).containsSubsequence(30L, 5L, 7L, 90L);
    }

    @Test
    void aFileInAFolderCreatedLaterIsPickedUp() throws Exception {
        Path file = dir.resolve("etc-drizzle").resolve("policy.json");
        try (PolicyManager manager = new PolicyManager(List.of(new PolicyFileSource(file)))) {
            manager.start();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"MaxJobsPerUser\": 7}");
            await().atMost(Duration.ofSeconds(15)).until(() -> manager.current().maxJobsPerUser().value() == 7L);
        }
    }

    @Test
    void missingFileSetsNothing() throws Exception {
        PolicyFileSource source = new PolicyFileSource(dir.resolve("absent.json"));
        assertThat(source.load().values()).isEqualTo(Map.of());
    }
}
