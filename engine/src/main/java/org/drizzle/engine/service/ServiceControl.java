package org.drizzle.engine.service;

import java.util.Map;

/** What a client may ask of the service itself: its status (anyone) and to stop (admins, or the service's own user). */
public interface ServiceControl {
    /** state, mode, pid, socket, store, version. */
    Map<String, Object> status();

    /** Starts a clean stop in the background and returns at once. */
    void requestStop();

    /** The uid the service runs as (its owner may stop a user-mode service). */
    long serviceUid();
}
