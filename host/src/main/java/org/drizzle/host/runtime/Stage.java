package org.drizzle.host.runtime;

import java.util.function.Consumer;

/** One element of a running pipeline: begun once, fed each input, ended once; writes downstream. */
interface Stage {
    void begin(Consumer<Object> downstream);

    void process(Object input);

    void end();

    /** Whether this stage runs that command (the one that asked to stop the commands before it). */
    default boolean runs(org.drizzle.cmdlets.api.Command command) {
        return false;
    }

    /** Ctrl+C from another thread. */
    default void stop() {
    }
}
