package org.drizzle.cmdlets.utility;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** New-TimeSpan: the span between two times, or one built from days, hours, minutes and seconds. */
@Cmdlet(verb = "New", noun = "TimeSpan", defaultParameterSet = "Date", synopsis = "Creates a TimeSpan object.",
        description = "With -Start and/or -End (each defaulting to now) returns End - Start; otherwise the sum of "
                + "-Days, -Hours, -Minutes, -Seconds and -Milliseconds.")
@Example(code = "(New-TimeSpan -Start $job.CreationTime).TotalMinutes", remarks = "How long a job has existed.")
public class NewTimeSpanCommand extends Command {
    @Parameter(position = 0, parameterSet = "Date", aliases = "LastWriteTime", valueFromPipelineByPropertyName = true,
            help = "The start time (now if omitted).")
    OffsetDateTime start;
    @Parameter(position = 1, parameterSet = "Date", help = "The end time (now if omitted).")
    OffsetDateTime end;
    @Parameter(parameterSet = "Time", help = "Days.")
    int days;
    @Parameter(parameterSet = "Time", help = "Hours.")
    int hours;
    @Parameter(parameterSet = "Time", help = "Minutes.")
    int minutes;
    @Parameter(parameterSet = "Time", help = "Seconds.")
    int seconds;
    @Parameter(parameterSet = "Time", help = "Milliseconds.")
    int milliseconds;

    @Override
    public void process(Object input) {
        if (parameterSetName().equals("Time")) {
            writeObject(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds)
                    .plusMillis(milliseconds));
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        writeObject(Duration.between(start == null ? now : start, end == null ? now : end));
    }
}
