package org.drizzle.host.bitsadmin;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.JobInfo;

/**
 * One run of one switch: its parsed arguments, the output, and the engine (opened on first use,
 * so {@code /HELP} and usage errors never start one).
 *
 * @param poll how often {@code /TRANSFER} and {@code /MONITOR} look at the job again
 */
record Invocation(Switch sw, SwitchParser.Parsed parsed, Output out, Supplier<EngineClient> engine, Duration poll) {

    List<String> args() {
        return parsed.args();
    }

    String arg(int i) {
        return parsed.args().get(i);
    }

    boolean has(String modifier) {
        return parsed.has(modifier);
    }

    /** The job named by argument {@code i}: a display name or a GUID in braces. */
    JobInfo job(int i) {
        return JobLookup.find(engine.get(), arg(i));
    }

    EngineClient client() {
        return engine.get();
    }
}
