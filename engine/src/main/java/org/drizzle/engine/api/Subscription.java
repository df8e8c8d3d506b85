package org.drizzle.engine.api;

/** An event subscription; close it to stop receiving events. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
