package org.drizzle.engine.network.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.engine.job.CostFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows NLM_CONNECTION_COST values to BITS cost states, table-driven, and what that means for TransferPolicies. */
class NlmCostMappingTest {

    @ParameterizedTest(name = "{0} (usage known {1}) -> {2}")
    @CsvSource({
        // nlm cost, data plan usage known, BITS cost state (None = no answer)
        "0x0,     false, None",
        "0x0,     true,  None",
        "0x20000, false, None",
        "0x1,     false, Unrestricted",
        "0x20001, false, Unrestricted",
        "0x2,     false, Capped",
        "0x2,     true,  BelowCap",
        "0x20002, false, Capped",
        "0x80002, false, NearCap",
        "0x80002, true,  NearCap",
        "0x10002, false, OverCapCharged",
        "0x30002, false, OverCapThrottled",
        "0x4,     false, UsageBased",
        "0x20004, false, UsageBased",
        "0x80004, false, NearCap",
        "0x10004, false, OverCapCharged",
        "0x30004, false, OverCapCharged",
        "0x40001, false, Roaming",
        "0x40002, true,  Roaming",
        "0x50004, false, Roaming",
        "0xF0002, false, Roaming",
        "0x40000, false, Roaming",
        "0x10000, false, OverCapCharged",
        "0x80000, false, NearCap",
        "0x6,     false, UsageBased",
    })
    void nlmCostBecomesOneBitsCostState(String nlm, boolean usageKnown, String expected) {
        Integer state = NlmCostMapping.costState(Integer.decode(nlm), usageKnown);
        assertThat(state == null ? "None" : CostFlags.format(state)).isEqualTo(expected);
    }

    @Test
    void onlyAPlainFixedPlanNeedsTheDataPlanStatus() {
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.FIXED)).isTrue();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.FIXED | NlmCostMapping.CONGESTED)).isTrue();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.FIXED | NlmCostMapping.APPROACHINGDATALIMIT)).isFalse();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.FIXED | NlmCostMapping.OVERDATALIMIT)).isFalse();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.FIXED | NlmCostMapping.ROAMING)).isFalse();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.VARIABLE)).isFalse();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.UNRESTRICTED)).isFalse();
        assertThat(NlmCostMapping.needsDataPlan(NlmCostMapping.UNKNOWN)).isFalse();
    }

    @Test
    void usageCountsOnlyWithASyncTimeAndALimit() {
        int unknown = NlmCostMapping.UNKNOWN_DATAPLAN_STATUS;
        assertThat(NlmCostMapping.usageKnown(300, 133_000_000_000_000_000L, 1024)).isTrue();
        assertThat(NlmCostMapping.usageKnown(unknown, 0, 1024)).isFalse();
        assertThat(NlmCostMapping.usageKnown(300, 0, 1024)).isFalse();
        assertThat(NlmCostMapping.usageKnown(300, 133_000_000_000_000_000L, unknown)).isFalse();
    }

    @Test
    void describesTheCostWithWindowsNames() {
        assertThat(NlmCostMapping.describe(0x80002)).isEqualTo("Fixed, ApproachingDataLimit");
        assertThat(NlmCostMapping.describe(0x70004)).isEqualTo("Variable, OverDataLimit, Congested, Roaming");
        assertThat(NlmCostMapping.describe(0)).isEqualTo("Unknown");
    }

    /** The mapping picks the state fewer policies allow; check what jobs then do under the named policies. */
    @Test
    void namedTransferPoliciesOnMappedCosts() {
        int nearCap = NlmCostMapping.costState(0x80002, false);
        int charged = NlmCostMapping.costState(0x10002, false);
        int throttled = NlmCostMapping.costState(0x30002, false);
        int roamingOverCap = NlmCostMapping.costState(0x50002, false);
        int capped = NlmCostMapping.costState(0x2, false);

        assertThat(CostFlags.allows(CostFlags.STANDARD, nearCap)).isFalse();
        assertThat(CostFlags.allows(CostFlags.NO_SURCHARGE, nearCap)).isTrue();
        assertThat(CostFlags.allows(CostFlags.NO_SURCHARGE, charged)).isFalse();
        assertThat(CostFlags.allows(CostFlags.NOT_ROAMING, charged)).isTrue();
        assertThat(CostFlags.allows(CostFlags.POLICY_UNRESTRICTED, throttled)).isTrue();
        assertThat(CostFlags.allows(CostFlags.NOT_ROAMING, roamingOverCap)).isFalse();
        assertThat(CostFlags.allows(CostFlags.ALWAYS, roamingOverCap)).isTrue();
        assertThat(CostFlags.allows(CostFlags.STANDARD, capped)).isTrue();
        assertThat(CostFlags.allows(CostFlags.POLICY_UNRESTRICTED, capped)).isFalse();
    }
}
