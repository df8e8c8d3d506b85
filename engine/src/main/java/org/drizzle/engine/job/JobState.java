package org.drizzle.engine.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * The nine BITS job states ({@code BG_JOB_STATE}). The transition rules live here and only
 * here, following the life-cycle table in bits-reference.md §3.2.
 */
public enum JobState {
    /** {@code BG_JOB_STATE_QUEUED}: waiting for the scheduler. */
    QUEUED(0),
    /** {@code BG_JOB_STATE_CONNECTING}: contacting the server. */
    CONNECTING(1),
    /** {@code BG_JOB_STATE_TRANSFERRING}: bytes are moving. */
    TRANSFERRING(2),
    /** {@code BG_JOB_STATE_SUSPENDED}: created or paused; the scheduler ignores it. */
    SUSPENDED(3),
    /** {@code BG_JOB_STATE_ERROR}: a fatal error; needs Resume, Complete or Cancel. */
    ERROR(4),
    /** {@code BG_JOB_STATE_TRANSIENT_ERROR}: a recoverable error; retried after MinimumRetryDelay. */
    TRANSIENT_ERROR(5),
    /** {@code BG_JOB_STATE_TRANSFERRED}: every file is done; waits for Complete. */
    TRANSFERRED(6),
    /** {@code BG_JOB_STATE_ACKNOWLEDGED}: completed by the owner (final). */
    ACKNOWLEDGED(7),
    /** {@code BG_JOB_STATE_CANCELLED}: cancelled (final). */
    CANCELLED(8);

    private final int value;

    JobState(int value) {
        this.value = value;
    }

    /** The numeric {@code BG_JOB_STATE} value. */
    public int value() {
        return value;
    }

    /** Final states leave enumeration; nothing can change a job in one. */
    public boolean isFinal() {
        return this == ACKNOWLEDGED || this == CANCELLED;
    }

    /** States in which the scheduler is (or may soon be) moving bytes for the job. */
    public boolean isActive() {
        return this == CONNECTING || this == TRANSFERRING;
    }

    /**
     * States in which the job moves without a client call: queued, connecting, transferring or
     * waiting to retry. A per-user service stays up while one of its jobs is in one of these.
     */
    public boolean isMoving() {
        return this == QUEUED || isActive() || this == TRANSIENT_ERROR;
    }

    /**
     * Whether {@code trigger} applies to a job in this state (§3.2). A refused client trigger
     * is BG_E_INVALID_STATE; a refused worker or scheduler trigger is a late report and is ignored.
     */
    public boolean allows(JobTrigger trigger) {
        return switch (trigger) {
            case ADD_FILE, SET_PROPERTIES, RESUME, SUSPEND, COMPLETE, CANCEL, EXPIRE -> !isFinal();
            case COMPLETE_UPLOAD -> this == TRANSFERRED;
            case STARTED -> this == QUEUED;
            case CONNECTED -> this == CONNECTING;
            case STOPPED, FAILED, TRANSFERRED -> isActive();
            case RETRY, NO_PROGRESS_TIMEOUT -> this == TRANSIENT_ERROR;
        };
    }

    /** States that carry an error object (IBackgroundCopyJob::GetError succeeds). */
    public boolean hasError() {
        return this == ERROR || this == TRANSIENT_ERROR;
    }

    /** Whether the job may move from this state to {@code next} by any trigger in §3.2. */
    public boolean canTransitionTo(JobState next) {
        return !isFinal() && successors().contains(next);
    }

    private Set<JobState> successors() {
        return switch (this) {
            case SUSPENDED -> EnumSet.of(QUEUED, SUSPENDED, ACKNOWLEDGED, CANCELLED, TRANSFERRED);
            case QUEUED -> EnumSet.of(CONNECTING, SUSPENDED, TRANSIENT_ERROR, ERROR, TRANSFERRED,
                    ACKNOWLEDGED, CANCELLED);
            case CONNECTING -> EnumSet.of(TRANSFERRING, QUEUED, SUSPENDED, TRANSIENT_ERROR, ERROR,
                    TRANSFERRED, ACKNOWLEDGED, CANCELLED);
            case TRANSFERRING -> EnumSet.of(QUEUED, SUSPENDED, TRANSIENT_ERROR, ERROR, TRANSFERRED,
                    ACKNOWLEDGED, CANCELLED);
            case TRANSIENT_ERROR -> EnumSet.of(QUEUED, ERROR, SUSPENDED, ACKNOWLEDGED, CANCELLED);
            case ERROR -> EnumSet.of(QUEUED, SUSPENDED, ACKNOWLEDGED, CANCELLED);
            case TRANSFERRED -> EnumSet.of(QUEUED, SUSPENDED, ACKNOWLEDGED, CANCELLED);
            case ACKNOWLEDGED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    /** The PowerShell spelling of the state, as BitsJob.JobState prints it (e.g. TransientError). */
    public String displayName() {
        return Names.pascal(name());
    }

    /** Parses a state by BITS or PowerShell spelling, case-insensitively. */
    public static JobState parse(String text) {
        return Names.parse(JobState.class, text);
    }
}
