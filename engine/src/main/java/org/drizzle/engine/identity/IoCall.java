package org.drizzle.engine.identity;

import java.io.IOException;

/** A piece of file I/O to run with someone's identity. */
@FunctionalInterface
public interface IoCall<T> {
    T call() throws IOException;
}
