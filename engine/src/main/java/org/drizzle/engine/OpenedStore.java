package org.drizzle.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.job.Job;
import org.drizzle.engine.store.JobStore;

/**
 * A job store just opened, with the jobs a start holds already read ({@link JobStore#loadForStart}): the engine assembly does both
 * on the store's own thread, while the policy and transports start, so a one-shot command does
 * not read (and deserialise) the jobs after everything else is ready.
 */
record OpenedStore(JobStore store, List<Job> jobs) {
    /** Opens the store in {@code folder} and reads its jobs; the store is closed if that fails. */
    static OpenedStore open(Path folder) throws IOException {
        JobStore store = JobStore.open(folder);
        try {
            return new OpenedStore(store, store.loadForStart());
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }
}
