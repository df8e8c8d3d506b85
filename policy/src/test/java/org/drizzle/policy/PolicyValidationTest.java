package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every malformed policy is rejected with the key, the value and the allowed range named. */
class PolicyValidationTest {

    static PolicySnapshot parse(String json) throws PolicyRejectedException {
        return PolicySnapshot.of(List.of(JsonPolicyReader.read(json, PolicySource.FILE, "policy.json")));
    }

    @ParameterizedTest(name = "{0} rejected naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"JobInactivityTimeout\": 0}                         | JobInactivityTimeout = 0 is not valid; allowed: 1-999 days",
            "{\"JobInactivityTimeout\": 1000}                      | JobInactivityTimeout = 1000 is not valid; allowed: 1-999 days",
            "{\"JobInactivityTimeout\": -5}                        | JobInactivityTimeout = -5",
            "{\"JobInactivityTimeout\": 1.5}                       | JobInactivityTimeout = 1.5",
            "{\"JobInactivityTimeout\": \"abc\"}                   | JobInactivityTimeout = \"abc\"",
            "{\"JobInactivityTimeout\": [1]}                       | JobInactivityTimeout = [1]",
            "{\"JobInactivityTimeout\": null}                      | JobInactivityTimeout = null",
            "{\"MaxDownloadTime\": 2147483649}                     | MaxDownloadTime = 2147483649 is not valid; allowed: 1-2147483648 seconds",
            "{\"Throttling\\\\WorkSchedule\": {\"StartDay\": 7}}   | Throttling\\WorkSchedule\\StartDay = 7 is not valid; allowed: 0-6",
            "{\"Throttling\": {\"WorkSchedule\": {\"EndHour\": 24}}} | Throttling\\WorkSchedule\\EndHour = 24 is not valid; allowed: 0-23 hour",
            "{\"Throttling\\\\NonWorkSchedule\": {\"LowBandwidthType\": 4}} | Throttling\\NonWorkSchedule\\LowBandwidthType = 4 is not valid; allowed: 1-3",
            "{\"MaxTransferRateOnSchedule\": 4294967201}           | MaxTransferRateOnSchedule = 4294967201 is not valid; allowed: 0-4294967200 Kbps",
            "{\"EnableBITSMaxBandwidth\": 2}                       | EnableBITSMaxBandwidth = 2 is not valid; allowed: 0-1",
            "{\"MaxCacheSize\": 81}                                | MaxCacheSize = 81 is not valid; allowed: 1-80",
            "{\"MaxBandwidthServed\": 1000}                        | MaxBandwidthServed = 1000 is not valid; allowed: 1048576-4294967200",
            "{\"TransferPolicy\": {\"LowTransferPolicyCustom\": 2147483648}} | TransferPolicy\\LowTransferPolicyCustom = 2147483648",
            "{\"Drizzle\\\\MeteredInterfaces\": \"wwan0\"}         | Drizzle\\MeteredInterfaces = \"wwan0\" is not valid; allowed: an array of strings",
            "{\"JobInactivityTimout\": 30}                         | unknown policy value \"JobInactivityTimout\"",
            "{\"JobInactivityTimeout\": 30, \"JobInactivityTimeout\": 31} | Duplicate field 'JobInactivityTimeout'",
            "{\"JobInactivityTimeout\": 30,}                       | not valid JSON at line 1",
            "[1, 2]                                                | must be a JSON object",
            "''                                                    | the document is empty",
            "{\"EnableBITSMaxBandwidth\": 1, \"MaxBandwidthValidFrom\": 8, \"MaxBandwidthValidTo\": 17} | MaxTransferRateOnSchedule is required when EnableBITSMaxBandwidth is 1",
            "{\"Throttling\": {\"EnableBandwidthLimits\": 1}}      | Throttling\\WorkSchedule\\StartDay is required when Throttling\\EnableBandwidthLimits is 1",
            "{\"Throttling\\\\EnableMaintenanceLimits\": 1, \"Throttling\\\\MaintenanceSchedule\": {\"StartDay\": 1, \"EndDay\": 5, \"StartHour\": 20, \"EndHour\": 22, \"LowBandwidthType\": 1}} | Throttling\\MaintenanceSchedule\\LowBandwidthLimit is required when Throttling\\MaintenanceSchedule\\LowBandwidthType is 1",
    })
    void malformedPolicyIsRejectedNamingTheKey(String json, String expected) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(PolicyRejectedException.class)
                .hasMessageContaining("policy.json")
                .hasMessageContaining(expected);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> parse("{\"MaxFilesPerJob\": -1, \"MaxJobsPerUser\": \"many\", \"Bogus\": 1}"))
                .isInstanceOfSatisfying(PolicyRejectedException.class,
                        e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void acceptedSpellings() throws Exception {
        PolicySnapshot p = parse("{\"jobinactivitytimeout\": \"0x1E\", \"Throttling/EnableBandwidthLimits\": false,"
                + " \"MaxJobsPerUser\": 4294967200, \"Drizzle\": {\"MeteredInterfaces\": [\"wwan0\", \"usb0\"]}}");
        assertThat(p.jobInactivityTimeout()).isEqualTo(new Setting<>(Duration.ofDays(30), PolicySource.FILE));
        assertThat(p.maxJobsPerUser().value()).isEqualTo(4_294_967_200L);
        assertThat(p.meteredInterfaces()).containsExactly("wwan0", "usb0");
        assertThat(p.workSchedule().value()).isNull();
    }

    @Test
    void notConfiguredIsNotTheEditorPreFill() {
        PolicySnapshot p = PolicySnapshot.NOT_CONFIGURED;
        assertThat(p.jobInactivityTimeout()).isEqualTo(new Setting<>(Duration.ofDays(90), PolicySource.DEFAULT));
        // The Group Policy editor pre-fills 54,000 s; not configured means 90 days.
        assertThat(p.maxDownloadTime().value()).isEqualTo(Duration.ofSeconds(7_776_000));
        assertThat(p.maxJobsPerUser().value()).isEqualTo(60);
        assertThat(p.maxJobsPerMachine().value()).isEqualTo(300);
        assertThat(p.maxFilesPerJob().value()).isEqualTo(200);
        assertThat(p.maxRangesPerFile().value()).isEqualTo(500);
        assertThat(p.legacySchedule().value()).isNull();
        assertThat(p.workSchedule().value()).isNull();
        assertThat(p.maintenanceSchedule().value()).isNull();
        for (Priority priority : Priority.values()) {
            assertThat(p.transferPolicy(priority)).isEqualTo(new Setting<>(null, PolicySource.DEFAULT));
        }
        assertThat(p.configured()).isEmpty();
    }

    @Test
    void customTransferPolicyWinsOverTheNamedOne() throws Exception {
        PolicySnapshot p = parse("{\"TransferPolicy\": {\"LowTransferPolicy\": 2147483751, \"LowTransferPolicyCustom\": 255,"
                + " \"HighTransferPolicy\": 2147483775}}");
        assertThat(p.transferPolicy(Priority.LOW).value()).isEqualTo(255);
        assertThat(p.transferPolicy(Priority.HIGH).value()).isEqualTo(0x8000007F);
        assertThat(p.transferPolicy(Priority.NORMAL).value()).isNull();
    }

    @Test
    void rateUnitsAndFloor() {
        assertThat(Rate.ofKbps(0).isBlocked()).isTrue();
        assertThat(Rate.ofKbps(1).bytesPerSecond()).isEqualTo(250);
        assertThat(Rate.ofKbps(2).bytesPerSecond()).isEqualTo(250);
        assertThat(Rate.ofKbps(16_000).bytesPerSecond()).isEqualTo(2_000_000);
        assertThat(Rate.ofMbps(16).bytesPerSecond()).isEqualTo(2_000_000);
        assertThat(Rate.ofMbps(0).isBlocked()).isTrue();
    }
}
