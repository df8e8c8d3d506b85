package org.drizzle.host.runtime;

import java.util.function.Consumer;

/** One element of a running pipeline: begun once, fed each input, ended once; writes downstream. */
interface Stage {
    void begin(Consumer<Object> downstream);

    void process(Object input);

    void end();

    /** Ctrl+C from another thread. */
    default void stop() {
    }
}
