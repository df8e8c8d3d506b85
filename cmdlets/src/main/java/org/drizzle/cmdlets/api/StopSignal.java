package org.drizzle.cmdlets.api;

/**
 * What a cmdlet that waits (Start-Sleep, Get-Content -Wait, Start-BitsServer) waits on: its
 * {@link Command#stop()} (Ctrl+C, or a downstream Select-Object -First) ends the wait at once.
 */
public final class StopSignal {
    private boolean stopped;

    /**
     * Waits {@code millis} (forever when negative) unless stopped first.
     *
     * @throws PipelineStoppedException once stopped (before or during the wait) or interrupted
     */
    public synchronized void await(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long left = millis;
        try {
            while (!stopped && (millis < 0 || (left = deadline - System.nanoTime()) > 0)) {
                wait(millis < 0 ? 0 : left / 1_000_000L + 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineStoppedException();
        }
        if (stopped) {
            throw new PipelineStoppedException();
        }
    }

    /** Ends every wait, present and future. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }
}
