package org.drizzle.cmdlets.utility;

import java.time.OffsetDateTime;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Get-Date: the current (or given) date and time, or its text in a .NET format with -Format. */
@Cmdlet(verb = "Get", noun = "Date", synopsis = "Gets the current date and time.",
        description = "Outputs a date-time; -Format gives its text in a .NET format (yyyy-MM-dd, s, o, ...).")
@Example(code = "Get-Date -Format 'yyyy-MM-dd HH:mm:ss'", remarks = "A timestamp for a log line.")
public class GetDateCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, aliases = "LastWriteTime", help = "The date to use (default: now).")
    Object date;
    @Parameter(help = "A .NET format string; the output is then a string.")
    String format;

    @Override
    public void process(Object input) {
        OffsetDateTime t = date == null ? OffsetDateTime.now() : LanguagePrimitives.toDateTime(date);
        writeObject(format == null ? t : DateFormats.format(t, format));
    }
}
