package org.drizzle.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven checks of the evaluator's precedence and boundaries. The week used is
 * Sunday 2026-11-22 .. Saturday 2026-11-28 (UTC); "Unlimited"/"Blocked" or bytes per second.
 */
class PolicyEvaluatorTest {
    static final ZoneId UTC = ZoneOffset.UTC;

    static final String LEGACY = "{\"EnableBITSMaxBandwidth\": 1, \"MaxTransferRateOnSchedule\": 10,"
            + " \"MaxBandwidthValidFrom\": 8, \"MaxBandwidthValidTo\": 17, \"UseSystemMaximum\": 0,"
            + " \"MaxTransferRateOffSchedule\": 20}";

    /** Work Mon-Fri 8-17: High 5 Mbps, Normal 100 Kbps, Low 0 (blocked); non-work: High Unlimited, Normal 1 Kbps, Low 50 Kbps. */
    static final String WORK = "\"Throttling\": {\"EnableBandwidthLimits\": 1},"
            + " \"Throttling\\\\WorkSchedule\": {\"StartDay\": 1, \"EndDay\": 5, \"StartHour\": 8, \"EndHour\": 17,"
            + "   \"HighBandwidthLimit\": 5, \"HighBandwidthType\": 2, \"NormalBandwidthLimit\": 100, \"NormalBandwidthType\": 1,"
            + "   \"LowBandwidthLimit\": 0, \"LowBandwidthType\": 1},"
            + " \"Throttling\\\\NonWorkSchedule\": {\"HighBandwidthType\": 3, \"HighBandwidthLimit\": 7,"
            + "   \"NormalBandwidthLimit\": 1, \"NormalBandwidthType\": 1, \"LowBandwidthLimit\": 50, \"LowBandwidthType\": 1}";

    /** Maintenance Wednesday 12-14 (inside work hours): High 1 Mbps, Normal Unlimited, Low 10 Kbps. */
    static final String MAINTENANCE = "\"Throttling\\\\EnableMaintenanceLimits\": 1,"
            + " \"Throttling\\\\MaintenanceSchedule\": {\"StartDay\": 3, \"EndDay\": 3, \"StartHour\": 12, \"EndHour\": 14,"
            + "   \"HighBandwidthLimit\": 1, \"HighBandwidthType\": 2, \"NormalBandwidthType\": 3,"
            + "   \"LowBandwidthLimit\": 10, \"LowBandwidthType\": 1}";

    static PolicyEvaluator evaluator(String json) throws PolicyRejectedException {
        return new PolicyEvaluator(PolicySnapshot.of(List.of(JsonPolicyReader.read(json, PolicySource.FILE, "test"))), UTC);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }

    static String rate(BandwidthDecision d) {
        return d.rate().isUnlimited() ? "Unlimited" : d.rate().isBlocked() ? "Blocked" : Long.toString(d.rate().bytesPerSecond());
    }

    @Test
    void notConfiguredIsUnlimitedAtEveryHour() throws Exception {
        PolicyEvaluator e = evaluator("{}");
        for (int h = 0; h < 24 * 7; h++) {
            BandwidthDecision d = e.limitFor(at("2026-11-22T00:00").plusSeconds(h * 3600L), Priority.LOW, false);
            assertThat(d.rate()).isEqualTo(Rate.UNLIMITED);
            assertThat(d.rule()).isEqualTo("Not configured");
        }
        assertThat(e.nextBoundaryAfter(at("2026-11-22T00:00"))).isNull();
    }

    @ParameterizedTest(name = "BITS 2.0 {0} {1} -> {2} ({3})")
    @CsvSource({
            "2026-11-24T07:59:59, LOW,        2500,      BITS 2.0 off-schedule",
            "2026-11-24T08:00,    LOW,        1250,      BITS 2.0 schedule",
            "2026-11-24T16:59:59, HIGH,       1250,      BITS 2.0 schedule",
            "2026-11-24T17:00,    NORMAL,     2500,      BITS 2.0 off-schedule",
            "2026-11-22T12:00,    NORMAL,     1250,      BITS 2.0 schedule",
            "2026-11-28T23:59,    LOW,        2500,      BITS 2.0 off-schedule",
            "2026-11-24T12:00,    FOREGROUND, Unlimited, Foreground",
    })
    void legacyScheduleAppliesDaily(String time, Priority p, String expected, String rule) throws Exception {
        BandwidthDecision d = evaluator(LEGACY).limitFor(at(time), p, false);
        assertThat(rate(d)).isEqualTo(expected);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "BITS 2.0 From {0} To {1} at {2}:00 -> {3}")
    @CsvSource({
            "22, 6, 21, false", "22, 6, 22, true", "22, 6, 23, true", "22, 6, 0, true", "22, 6, 5, true", "22, 6, 6, false",
            "8, 8, 0, true", "8, 8, 23, true", "0, 23, 23, false", "0, 23, 0, true",
    })
    void legacyHoursWrapMidnight(int from, int to, int hour, boolean in) {
        assertThat(new LegacySchedule(Rate.BLOCKED, from, to, Rate.UNLIMITED).inSchedule(hour)).isEqualTo(in);
    }

    @Test
    void useSystemMaximumMakesOffScheduleUnlimited() throws Exception {
        PolicyEvaluator e = evaluator(LEGACY.replace("\"UseSystemMaximum\": 0", "\"UseSystemMaximum\": 1"));
        assertThat(rate(e.limitFor(at("2026-11-24T18:00"), Priority.LOW, false))).isEqualTo("Unlimited");
        assertThat(rate(e.limitFor(at("2026-11-24T09:00"), Priority.LOW, false))).isEqualTo("1250");
    }

    @Test
    void zeroOnScheduleBlocksOnlyInsideTheWindow() throws Exception {
        PolicyEvaluator e = evaluator(LEGACY.replace("\"MaxTransferRateOnSchedule\": 10", "\"MaxTransferRateOnSchedule\": 0"));
        BandwidthDecision d = e.limitFor(at("2026-11-24T09:00"), Priority.NORMAL, false);
        assertThat(d.isBlocked()).isTrue();
        assertThat(d.reason()).contains("blocks", "Normal", "08:00-17:00");
        assertThat(e.limitFor(at("2026-11-24T17:00"), Priority.NORMAL, false).isBlocked()).isFalse();
        assertThat(e.nextBoundaryAfter(at("2026-11-24T09:30"))).isEqualTo(at("2026-11-24T17:00"));
    }

    @ParameterizedTest(name = "work {0} {1} -> {2} ({3})")
    @CsvSource({
            // Monday first hour, last hour, after the end
            "2026-11-23T08:00,    HIGH,   625000,    Work schedule",
            "2026-11-23T07:59:59, HIGH,   Unlimited, Non-work schedule",
            "2026-11-23T16:59:59, NORMAL, 12500,     Work schedule",
            "2026-11-23T17:00,    NORMAL, 250,       Non-work schedule",
            "2026-11-23T12:00,    LOW,    Blocked,   Work schedule",
            "2026-11-23T17:00,    LOW,    6250,      Non-work schedule",
            // Friday is in, Saturday and Sunday are not
            "2026-11-27T09:30,    LOW,    Blocked,   Work schedule",
            "2026-11-28T09:30,    LOW,    6250,      Non-work schedule",
            "2026-11-22T09:30,    LOW,    6250,      Non-work schedule",
            "2026-11-22T09:30,    FOREGROUND, Unlimited, Foreground",
    })
    void workAndNonWorkSchedules(String time, Priority p, String expected, String rule) throws Exception {
        BandwidthDecision d = evaluator("{" + WORK + "}").limitFor(at(time), p, false);
        assertThat(rate(d)).isEqualTo(expected);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "all three {0} {1} -> {2} ({3})")
    @CsvSource({
            // maintenance (Wed 12-14) beats work
            "2026-11-25T12:00,    LOW,    1250,      Maintenance schedule",
            "2026-11-25T13:59:59, HIGH,   125000,    Maintenance schedule",
            "2026-11-25T13:00,    NORMAL, Unlimited, Maintenance schedule",
            "2026-11-25T14:00,    LOW,    Blocked,   Work schedule",
            "2026-11-25T11:59:59, LOW,    Blocked,   Work schedule",
            // the same hours on Thursday are plain work hours
            "2026-11-26T12:00,    LOW,    Blocked,   Work schedule",
            // work/non-work beat the BITS 2.0 schedule at every hour
            "2026-11-25T20:00,    NORMAL, 250,       Non-work schedule",
            "2026-11-22T10:00,    NORMAL, 250,       Non-work schedule",
    })
    void maintenanceBeatsWorkBeatsLegacy(String time, Priority p, String expected, String rule) throws Exception {
        String json = "{" + WORK + "," + MAINTENANCE + "," + LEGACY.substring(1);
        BandwidthDecision d = evaluator(json).limitFor(at(time), p, false);
        assertThat(rate(d)).isEqualTo(expected);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @Test
    void maintenanceAloneFallsBackToLegacyOutsideItsWindow() throws Exception {
        PolicyEvaluator e = evaluator("{" + MAINTENANCE + "," + LEGACY.substring(1));
        assertThat(e.limitFor(at("2026-11-25T12:30"), Priority.LOW, false).rule()).isEqualTo("Maintenance schedule");
        assertThat(e.limitFor(at("2026-11-25T14:30"), Priority.LOW, false).rule()).isEqualTo("BITS 2.0 schedule");
    }

    @ParameterizedTest(name = "LAN exemption {0} onLan={1} -> {2}")
    @CsvSource({
            "1, true,  Unlimited, LAN exemption",
            "1, false, Blocked,   Work schedule",
            "0, true,  Blocked,   Work schedule",
    })
    void ignoreBandwidthLimitsOnLan(int ignore, boolean onLan, String expected, String rule) throws Exception {
        String json = "{" + WORK.replace("\"Throttling\": {\"EnableBandwidthLimits\": 1}",
                "\"Throttling\": {\"EnableBandwidthLimits\": 1, \"IgnoreBandwidthLimitsOnLan\": " + ignore + "}") + "}";
        BandwidthDecision d = evaluator(json).limitFor(at("2026-11-23T10:00"), Priority.LOW, onLan);
        assertThat(rate(d)).isEqualTo(expected);
        assertThat(d.rule()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "next boundary after {0} is {1}")
    @CsvSource({
            "2026-11-23T07:15, 2026-11-23T08:00",
            "2026-11-23T08:00, 2026-11-23T17:00",
            "2026-11-27T16:59:59, 2026-11-27T17:00",
            // Friday evening: nothing changes until Monday 08:00 (across the week end)
            "2026-11-27T17:00, 2026-11-30T08:00",
            "2026-11-29T23:59, 2026-11-30T08:00",
            // Wednesday: maintenance at 12:00 and back to work at 14:00
            "2026-11-25T09:00, 2026-11-25T12:00",
            "2026-11-25T12:00, 2026-11-25T14:00",
    })
    void nextBoundary(String time, String expected) throws Exception {
        PolicyEvaluator e = evaluator("{" + WORK + "," + MAINTENANCE + "}");
        assertThat(e.nextBoundaryAfter(at(time))).isEqualTo(at(expected));
    }

    @Test
    void schedulesAreLocalTime() throws Exception {
        PolicySnapshot snapshot = PolicySnapshot.of(List.of(JsonPolicyReader.read("{" + WORK + "}", PolicySource.FILE, "t")));
        PolicyEvaluator berlin = new PolicyEvaluator(snapshot, ZoneId.of("Europe/Berlin"));
        // 07:30 UTC is 08:30 in Berlin (CET) on Monday: inside work hours there.
        assertThat(berlin.limitFor(at("2026-11-23T07:30"), Priority.LOW, false).rule()).isEqualTo("Work schedule");
        assertThat(berlin.nextBoundaryAfter(at("2026-11-23T06:30"))).isEqualTo(at("2026-11-23T07:00"));
    }
}
