package org.drizzle.engine.notify;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.job.Owner;

/** Starts a notify program as a job's owner and waits for it (Linux: setpriv; Windows: CreateProcessAsUser). */
public interface NotifyLauncher {

    /** What the program did: exit code (-1 if killed at the time limit) and the end of its output. */
    record Outcome(int exitCode, boolean timedOut, String outputTail) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    Outcome run(List<String> cmdLine, Owner owner, Duration timeLimit) throws IOException, InterruptedException;
}
