package org.drizzle.engine.service;

/** The service's life: NEW, STARTING, RUNNING, STOPPING, then TERMINATED (or FAILED). */
public enum ServiceState {
    NEW, STARTING, RUNNING, STOPPING, TERMINATED, FAILED;

    public boolean isTerminal() {
        return this == TERMINATED || this == FAILED;
    }
}
