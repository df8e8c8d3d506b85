package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.CategoryInfo;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.ErrorDetails;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Write-Error: writes a non-terminating error (terminating under -ErrorAction Stop). */
@Cmdlet(verb = "Write", noun = "Error", defaultParameterSet = "NoException", synopsis = "Writes an object to the error stream.")
@Example(code = "Write-Error \"Download of $url failed\"", remarks = "Reports an error; the script goes on.")
public class WriteErrorCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, aliases = "Msg", parameterSet = "NoException",
            help = "The message.")
    @Parameter(parameterSet = "WithException")
    String message;
    @Parameter(mandatory = true, parameterSet = "WithException", help = "The exception to report (such as $_.Exception).")
    Object exception;
    @Parameter(mandatory = true, parameterSet = "ErrorRecord", help = "An error record to write again (such as $_).")
    ErrorRecord errorRecord;
    @Parameter(help = "An error id for the record.")
    String errorId = "Microsoft.PowerShell.Commands.WriteErrorException";
    @Parameter(help = "The error category.")
    ErrorCategory category = ErrorCategory.NOT_SPECIFIED;
    @Parameter(help = "The object the error is about.")
    Object targetObject;
    @Parameter(aliases = "Activity", help = "The action that caused the error (CategoryInfo.Activity; default: Write-Error).")
    String categoryActivity;
    @Parameter(aliases = "Reason", help = "Why the activity caused the error (CategoryInfo.Reason).")
    String categoryReason;
    @Parameter(aliases = "TargetName", help = "The name of the object the error is about (CategoryInfo.TargetName).")
    String categoryTargetName;
    @Parameter(aliases = "TargetType", help = "The type of the object the error is about (CategoryInfo.TargetType).")
    String categoryTargetType;
    @Parameter(help = "What the user should do about the error (ErrorDetails.RecommendedAction).")
    String recommendedAction;

    @Override
    public void process(Object input) {
        if (errorRecord != null) {
            writeError(detailed(errorRecord, errorRecord.errorDetails(), null));
            return;
        }
        Throwable cause = exception instanceof Throwable t ? t
                : exception != null ? new RuntimeException(LanguagePrimitives.toStr(exception)) : null;
        Throwable shown = message != null ? new RuntimeException(message, cause) : cause != null ? cause
                : new RuntimeException("");
        ErrorRecord record = new ErrorRecord(shown, errorId, category, targetObject, "Write-Error", 0);
        // as PowerShell: Write-Error's own exception is a WriteErrorException
        writeError(detailed(record, null, cause == null ? "WriteErrorException" : null));
    }

    /** PowerShell's Write-Error: -RecommendedAction goes to ErrorDetails, the -Category* values to CategoryInfo. */
    private ErrorRecord detailed(ErrorRecord record, ErrorDetails details, String reason) {
        boolean overrides = categoryActivity != null || categoryReason != null || categoryTargetName != null
                || categoryTargetType != null || reason != null;
        if (!overrides && (recommendedAction == null || recommendedAction.isEmpty())) {
            return record;
        }
        CategoryInfo base = record.categoryInfo();
        CategoryInfo info = overrides ? new CategoryInfo(base.category(),
                or(categoryActivity, base.activity().isEmpty() ? "Write-Error" : base.activity()),
                or(categoryReason, reason != null ? reason : base.reason()),
                or(categoryTargetName, base.targetName()), or(categoryTargetType, base.targetType())) : record.categoryOverride();
        ErrorDetails d = details;
        if (recommendedAction != null && !recommendedAction.isEmpty()) {
            d = new ErrorDetails(details != null ? details.message() : record.message(), recommendedAction);
        }
        return record.withDetails(info, d);
    }

    private static String or(String given, String otherwise) {
        return given == null || given.isEmpty() ? otherwise : given;
    }
}
