package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.StopSignal;

/** Start-Sleep: waits, and stops at once on Ctrl+C. */
@Cmdlet(verb = "Start", noun = "Sleep", defaultParameterSet = "Seconds", synopsis = "Suspends the activity for a time.")
@Example(code = "while ($job.JobState -eq 'Transferring') { Start-Sleep -Seconds 2 }", remarks = "A polling loop.")
public class StartSleepCommand extends Command {
    @Parameter(position = 0, mandatory = true, parameterSet = "Seconds", help = "Seconds to wait (fractions allowed).")
    double seconds;
    @Parameter(mandatory = true, parameterSet = "Milliseconds", aliases = "ms", help = "Milliseconds to wait.")
    long milliseconds;
    @Parameter(mandatory = true, parameterSet = "FromTimeSpan", aliases = "ts", help = "How long to wait, as a TimeSpan.")
    java.time.Duration duration;

    private final StopSignal stop = new StopSignal();

    @Override
    public void process(Object input) {
        long total = "Milliseconds".equals(parameterSetName()) ? milliseconds
                : "FromTimeSpan".equals(parameterSetName()) ? duration.toMillis() : Math.round(seconds * 1000);
        stop.await(Math.max(0, total));
    }

    @Override
    public void stop() {
        stop.stop();
    }
}
