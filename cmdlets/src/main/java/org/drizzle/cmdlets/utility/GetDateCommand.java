package org.drizzle.cmdlets.utility;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.DateFormats;
import org.drizzle.cmdlets.format.UFormat;
import org.drizzle.cmdlets.lang.DisplayHints;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Get-Date: the current (or given) date and time, or its text in a .NET format with -Format. */
@Cmdlet(verb = "Get", noun = "Date", synopsis = "Gets the current date and time.",
        description = "Outputs a date-time (shown as date, time or both per -DisplayHint); -Format gives its text in a .NET format (yyyy-MM-dd, s, o, ...).")
@Example(code = "Get-Date -Format 'yyyy-MM-dd HH:mm:ss'", remarks = "A timestamp for a log line.")
public class GetDateCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, aliases = "LastWriteTime", help = "The date to use (default: now).")
    Object date;
    @Parameter(help = "A .NET format string; the output is then a string.")
    String format;
    @Parameter(help = "A Unix strftime format (%Y%m%d, %s ...); the output is then a string.")
    String uFormat;
    @Parameter(aliases = "UnixTime", help = "The date as seconds since 1970-01-01 UTC.")
    Long unixTimeSeconds;
    @Parameter(help = "Replace the year.")
    Integer year;
    @Parameter(help = "Replace the month (1-12).")
    Integer month;
    @Parameter(help = "Replace the day of the month.")
    Integer day;
    @Parameter(help = "Replace the hour (0-23).")
    Integer hour;
    @Parameter(help = "Replace the minute.")
    Integer minute;
    @Parameter(help = "Replace the second.")
    Integer second;
    @Parameter(help = "Replace the millisecond.")
    Integer millisecond;
    @Parameter(help = "The date in UTC.")
    boolean asUTC;
    @Parameter(validateSet = {"Date", "Time", "DateTime"},
            help = "What the console shows of the date: Date, Time or DateTime (default); the value stays a DateTime.")
    String displayHint;

    @Override
    public void process(Object input) {
        if (format != null && uFormat != null) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Parameter set cannot be resolved using "
                    + "the specified named parameters. -Format and -UFormat cannot be used together."),
                    "AmbiguousParameterSet", ErrorCategory.INVALID_ARGUMENT, null));
        }
        OffsetDateTime t = unixTimeSeconds != null
                ? Instant.ofEpochSecond(unixTimeSeconds).atOffset(OffsetDateTime.now().getOffset())
                : date == null ? OffsetDateTime.now() : LanguagePrimitives.toDateTime(date);
        try {
            t = with(t, ChronoField.YEAR, year, "Year");
            t = with(t, ChronoField.MONTH_OF_YEAR, month, "Month");
            t = with(t, ChronoField.DAY_OF_MONTH, day, "Day");
            t = with(t, ChronoField.HOUR_OF_DAY, hour, "Hour");
            t = with(t, ChronoField.MINUTE_OF_HOUR, minute, "Minute");
            t = with(t, ChronoField.SECOND_OF_MINUTE, second, "Second");
            t = with(t, ChronoField.MILLI_OF_SECOND, millisecond, "Millisecond");
        } catch (DateTimeException e) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException(e.getMessage()),
                    "ParameterArgumentValidationError", ErrorCategory.INVALID_ARGUMENT, null));
        }
        if (asUTC) {
            t = t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (format != null || uFormat != null) {
            writeObject(format != null ? DateFormats.format(t, format) : UFormat.format(t, uFormat));
            return;
        }
        // a fresh instance carries the hint, so a date given by -Date keeps none of its own
        OffsetDateTime out = OffsetDateTime.of(t.toLocalDateTime(), t.getOffset());
        DisplayHints.set(out, displayHint == null ? "DateTime" : canonical(displayHint));
        writeObject(out);
    }

    private static String canonical(String hint) {
        return hint.equalsIgnoreCase("Date") ? "Date" : hint.equalsIgnoreCase("Time") ? "Time" : "DateTime";
    }

    private static OffsetDateTime with(OffsetDateTime t, ChronoField field, Integer value, String parameter) {
        if (value == null) {
            return t;
        }
        if (!field.range().isValidValue(value)) {
            throw new DateTimeException("Cannot validate argument on parameter '" + parameter + "'. The " + value
                    + " argument is not in the range " + field.range().getMinimum() + " to " + field.range().getMaximum() + ".");
        }
        try {
            return t.with(field, value);
        } catch (DateTimeException e) {
            throw new DateTimeException("Cannot validate argument on parameter '" + parameter + "'. The " + value
                    + " argument does not fit the date " + t.toLocalDate() + ".");
        }
    }
}
