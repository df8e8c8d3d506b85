package org.drizzle.cmdlets.api;

/**
 * Write-Progress's record. {@code percentComplete} -1 means unknown; {@code completed} removes
 * the bar. Synchronous transfers fill bytes/files/rate so the host can draw a BITS bar.
 */
public record ProgressRecord(int activityId, String activity, String statusDescription,
                             int percentComplete, String currentOperation, boolean completed) {
}
