package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The registry mapping: the shapes jna-platform's Advapi32Util.registryGetValues returns
 * (TreeMap of Integer for REG_DWORD, String[] for REG_MULTI_SZ) map to the same model as JSON.
 */
class RegistryValuesTest {

    @Test
    void registryShapesMapToTheSameModelAsJson() throws Exception {
        Map<String, Map<String, Object>> bySubkey = new LinkedHashMap<>();
        TreeMap<String, Object> bits = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        bits.put("JobInactivityTimeout", 30);
        bits.put("MaxJobsPerUser", 10);
        bits.put("SomeFutureWindowsValue", 1);
        bySubkey.put("", bits);
        bySubkey.put("TransferPolicy", new TreeMap<>(Map.of("NormalTransferPolicy", 0x80000067)));
        bySubkey.put("Throttling", new TreeMap<>(Map.of("EnableBandwidthLimits", 1)));
        bySubkey.put("Throttling\\WorkSchedule", new TreeMap<>(Map.of("StartDay", 1, "EndDay", 5, "StartHour", 8,
                "EndHour", 17, "LowBandwidthLimit", 10, "LowBandwidthType", 1)));
        bySubkey.put("Drizzle", new TreeMap<>(Map.of("MeteredInterfaces", new String[] {"wwan0"})));

        PolicyLayer fromRegistry = PolicyLayer.validate(PolicySource.REGISTRY, "HKLM", RegistryValues.toRaw(bySubkey));
        PolicyLayer fromJson = JsonPolicyReader.read("{\"JobInactivityTimeout\": 30, \"MaxJobsPerUser\": 10,"
                + " \"TransferPolicy\": {\"NormalTransferPolicy\": 2147483751},"
                + " \"Throttling\": {\"EnableBandwidthLimits\": 1, \"WorkSchedule\": {\"StartDay\": 1, \"EndDay\": 5,"
                + " \"StartHour\": 8, \"EndHour\": 17, \"LowBandwidthLimit\": 10, \"LowBandwidthType\": 1}},"
                + " \"Drizzle\": {\"MeteredInterfaces\": [\"wwan0\"]}}", PolicySource.FILE, "json");

        assertThat(fromRegistry.values()).isEqualTo(fromJson.values());
        PolicySnapshot snapshot = PolicySnapshot.of(List.of(fromRegistry));
        // REG_DWORD arrives signed; 0x80000067 must read as the Standard mask, not a negative number.
        assertThat(snapshot.transferPolicy(Priority.NORMAL).value()).isEqualTo(0x80000067);
        assertThat(snapshot.transferPolicy(Priority.NORMAL).source()).isEqualTo(PolicySource.REGISTRY);
        assertThat(snapshot.workSchedule().value().inside().low().bytesPerSecond()).isEqualTo(1250);
    }

    @Test
    void outOfRangeRegistryValueIsRejectedNamingIt() {
        Map<String, Map<String, Object>> bySubkey = Map.of("Throttling\\WorkSchedule", Map.of("StartDay", 9));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> PolicyLayer.validate(PolicySource.REGISTRY, "HKLM\\x", RegistryValues.toRaw(bySubkey)))
                .hasMessageContaining("Throttling\\WorkSchedule\\StartDay = 9 is not valid; allowed: 0-6");
    }

    @Test
    void everySubkeyTheReaderOpensIsUnderTheBitsKey() {
        assertThat(PolicySchema.subkeys()).contains("", "Throttling", "Throttling\\WorkSchedule",
                "Throttling\\NonWorkSchedule", "Throttling\\MaintenanceSchedule", "TransferPolicy", "Drizzle");
    }
}
