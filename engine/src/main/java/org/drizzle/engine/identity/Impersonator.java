package org.drizzle.engine.identity;

import java.io.IOException;
import org.drizzle.engine.job.Owner;

/**
 * Runs file I/O with a job owner's file-system identity (Linux: per-thread
 * setfsuid/setfsgid/setgroups; Windows: ImpersonateLoggedOnUser), restoring it afterwards.
 * Calls must come from platform threads. Embedded, the engine already runs as the owner:
 * {@link #NONE}.
 */
public interface Impersonator {
    Impersonator NONE = new Impersonator() {
        @Override
        public <T> T runAs(Owner owner, IoCall<T> call) throws IOException {
            return call.call();
        }
    };

    <T> T runAs(Owner owner, IoCall<T> call) throws IOException;
}
