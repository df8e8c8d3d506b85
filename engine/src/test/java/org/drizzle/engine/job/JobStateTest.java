package org.drizzle.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks the life-cycle table of bits-reference.md §3.2 (docs/job-model.md): every state against
 * every trigger, allowed or refused, and the state each allowed trigger may lead to.
 */
class JobStateTest {
    /**
     * One row per trigger; one column per state in the order QUEUED CONNECTING TRANSFERRING
     * SUSPENDED ERROR TRANSIENT_ERROR TRANSFERRED ACKNOWLEDGED CANCELLED; 'x' allowed, '.' refused.
     */
    private static final Map<JobTrigger, String> TABLE = Map.ofEntries(
            Map.entry(JobTrigger.ADD_FILE,            "xxxxxxx.."),
            Map.entry(JobTrigger.SET_PROPERTIES,      "xxxxxxx.."),
            Map.entry(JobTrigger.RESUME,              "xxxxxxx.."),
            Map.entry(JobTrigger.SUSPEND,             "xxxxxxx.."),
            Map.entry(JobTrigger.STARTED,             "x........"),
            Map.entry(JobTrigger.CONNECTED,           ".x......."),
            Map.entry(JobTrigger.STOPPED,             ".xx......"),
            Map.entry(JobTrigger.FAILED,              ".xx......"),
            Map.entry(JobTrigger.TRANSFERRED,         ".xx......"),
            Map.entry(JobTrigger.COMPLETE,            "xxxxxxx.."),
            Map.entry(JobTrigger.COMPLETE_UPLOAD,     "......x.."),
            Map.entry(JobTrigger.CANCEL,              "xxxxxxx.."),
            Map.entry(JobTrigger.EXPIRE,              "xxxxxxx.."),
            Map.entry(JobTrigger.RETRY,               ".....x..."),
            Map.entry(JobTrigger.NO_PROGRESS_TIMEOUT, ".....x..."));

    /** Where each trigger leads (the state kept by property changes is left out). */
    private static final Map<JobTrigger, EnumSet<JobState>> LEADS_TO = Map.ofEntries(
            Map.entry(JobTrigger.RESUME, EnumSet.of(JobState.QUEUED)),
            Map.entry(JobTrigger.SUSPEND, EnumSet.of(JobState.SUSPENDED)),
            Map.entry(JobTrigger.STARTED, EnumSet.of(JobState.CONNECTING)),
            Map.entry(JobTrigger.CONNECTED, EnumSet.of(JobState.TRANSFERRING)),
            Map.entry(JobTrigger.STOPPED, EnumSet.of(JobState.QUEUED, JobState.TRANSIENT_ERROR, JobState.ERROR)),
            Map.entry(JobTrigger.FAILED, EnumSet.of(JobState.TRANSIENT_ERROR, JobState.ERROR)),
            Map.entry(JobTrigger.TRANSFERRED, EnumSet.of(JobState.TRANSFERRED)),
            Map.entry(JobTrigger.COMPLETE, EnumSet.of(JobState.ACKNOWLEDGED)),
            Map.entry(JobTrigger.COMPLETE_UPLOAD, EnumSet.of(JobState.ACKNOWLEDGED)),
            Map.entry(JobTrigger.CANCEL, EnumSet.of(JobState.CANCELLED)),
            Map.entry(JobTrigger.EXPIRE, EnumSet.of(JobState.CANCELLED)),
            Map.entry(JobTrigger.RETRY, EnumSet.of(JobState.QUEUED)),
            Map.entry(JobTrigger.NO_PROGRESS_TIMEOUT, EnumSet.of(JobState.ERROR)));

    @Test
    void everyStateAgainstEveryTriggerIsAllowedOrRefusedAsTheTableSays() {
        assertThat(TABLE.keySet()).containsExactlyInAnyOrder(JobTrigger.values());
        for (JobTrigger trigger : JobTrigger.values()) {
            String row = TABLE.get(trigger);
            for (JobState state : JobState.values()) {
                boolean allowed = row.charAt(state.ordinal()) == 'x';
                assertThat(state.allows(trigger)).as("%s from %s", trigger, state).isEqualTo(allowed);
            }
        }
    }

    @Test
    void everyAllowedTriggerLeadsOnlyToStatesTheTransitionRulesAccept() {
        for (Map.Entry<JobTrigger, EnumSet<JobState>> e : LEADS_TO.entrySet()) {
            for (JobState from : JobState.values()) {
                if (!from.allows(e.getKey())) {
                    continue;
                }
                for (JobState to : e.getValue()) {
                    // Suspend of a suspended job and Resume of a queued/running one keep the state (idempotent).
                    if (to != from) {
                        assertThat(from.canTransitionTo(to)).as("%s: %s -> %s", e.getKey(), from, to).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void finalStatesAcceptNoTriggerAndNoTransition() {
        for (JobState s : EnumSet.of(JobState.ACKNOWLEDGED, JobState.CANCELLED)) {
            assertThat(s.isFinal()).isTrue();
            for (JobTrigger t : JobTrigger.values()) {
                assertThat(s.allows(t)).as("%s from %s", t, s).isFalse();
            }
            for (JobState to : JobState.values()) {
                assertThat(s.canTransitionTo(to)).isFalse();
            }
        }
    }

    @Test
    void predicatesNameTheStatesTheyCover() {
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isActive))
                .containsExactlyInAnyOrder(JobState.CONNECTING, JobState.TRANSFERRING);
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isMoving))
                .containsExactlyInAnyOrder(JobState.QUEUED, JobState.CONNECTING, JobState.TRANSFERRING,
                        JobState.TRANSIENT_ERROR);
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::hasError))
                .containsExactlyInAnyOrder(JobState.ERROR, JobState.TRANSIENT_ERROR);
        assertThat(EnumSet.allOf(JobState.class).stream().filter(JobState::isFinal))
                .containsExactlyInAnyOrder(JobState.ACKNOWLEDGED, JobState.CANCELLED);
    }
}
