package org.drizzle.engine.condition;

/**
 * Why a job may not run now: the HRESULT it shows in TRANSIENT_ERROR (or QUEUED) and a plain
 * sentence for Get-BitsTransfer ("the owner alice has no logged-on session").
 *
 * @param showAsError true to put the job in TRANSIENT_ERROR with {@code code} (policy, cost,
 *                    network); false to leave it QUEUED with only the reason (owner logged off)
 */
public record Blocker(int code, String reason, boolean showAsError) {
}
