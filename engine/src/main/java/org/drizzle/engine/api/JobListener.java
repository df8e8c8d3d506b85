package org.drizzle.engine.api;

/**
 * Receives job events. Contract (as OkHttp's EventListener): callbacks are invoked outside
 * engine locks, must return quickly, must not throw, and may arrive on any engine thread.
 * Progress arrives as MODIFICATION at a bounded rate (the notification interval, 500 ms).
 */
@FunctionalInterface
public interface JobListener {
    void onEvent(JobEvent event);
}
