package org.drizzle.cmdlets.api;

import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.DisplaysAsText;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;

/**
 * An error written by a command (non-terminating) or carried by a {@link CommandException}
 * (terminating). {@code $_} in a catch block and {@code $Error[0]} are ErrorRecords; scripts
 * read {@code .Exception.Message}, {@code .FullyQualifiedErrorId}, {@code .CategoryInfo},
 * {@code .ErrorDetails} and {@code .TargetObject}. It prints as its message.
 *
 * @param errorId  e.g. "JobNotFound" (FullyQualifiedErrorId adds ",Command-Name")
 * @param hresult  the BITS HRESULT when the error came from the engine, else 0
 * @param categoryOverride the CategoryInfo Write-Error's -Category* parameters set; null: derived
 * @param errorDetails     Write-Error's message over an exception, or -RecommendedAction; null when none
 */
public record ErrorRecord(Throwable exception, String errorId, ErrorCategory category,
                          Object targetObject, String commandName, int hresult,
                          CategoryInfo categoryOverride, ErrorDetails errorDetails) implements PropertyBag, DisplaysAsText {
    private static final List<String> NAMES = List.of("Exception", "TargetObject", "CategoryInfo",
            "FullyQualifiedErrorId", "ErrorDetails");

    public ErrorRecord(Throwable exception, String errorId, ErrorCategory category, Object targetObject,
                       String commandName, int hresult) {
        this(exception, errorId, category, targetObject, commandName, hresult, null, null);
    }

    public ErrorRecord(Throwable exception, String errorId, ErrorCategory category, Object targetObject) {
        this(exception, errorId, category, targetObject, null, 0);
    }

    public String message() {
        return errorDetails != null && errorDetails.message() != null ? errorDetails.message() : exception.getMessage();
    }

    public ErrorRecord withCommand(String name) {
        return new ErrorRecord(exception, errorId, category, targetObject, name, hresult, categoryOverride, errorDetails);
    }

    public ErrorRecord withDetails(CategoryInfo info, ErrorDetails details) {
        return new ErrorRecord(exception, errorId, category, targetObject, commandName, hresult, info, details);
    }

    public String fullyQualifiedErrorId() {
        return commandName == null ? errorId : errorId + "," + commandName;
    }

    /** As PowerShell derives it, unless Write-Error's -Category* parameters set it. */
    public CategoryInfo categoryInfo() {
        if (categoryOverride != null) {
            return categoryOverride;
        }
        return derivedCategoryInfo();
    }

    /** The CategoryInfo PowerShell derives from the category, command, exception and target. */
    public CategoryInfo derivedCategoryInfo() {
        return new CategoryInfo(category.displayName(), commandName == null ? "" : commandName,
                exception == null ? "" : shortTypeName(exception),
                targetObject == null ? "" : LanguagePrimitives.toStr(targetObject),
                targetObject == null ? "" : shortTypeName(targetObject));
    }

    /** A value's .NET type name without its namespace (String, IOException), as CategoryInfo shows it. */
    static String shortTypeName(Object v) {
        String full = Members.typeName(v);
        return full.substring(full.lastIndexOf('.') + 1);
    }

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public boolean hasProperty(String name) {
        return getPropertyOrMissing(name) != MISSING;
    }

    @Override
    public Object getProperty(String name) {
        Object v = getPropertyOrMissing(name);
        return v == MISSING ? null : v;
    }

    private static final Object MISSING = new Object();

    private Object getPropertyOrMissing(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "exception" -> exception;
            case "targetobject" -> targetObject;
            case "categoryinfo" -> categoryInfo();
            case "fullyqualifiederrorid" -> fullyQualifiedErrorId();
            case "errordetails" -> errorDetails;
            case "errorid" -> errorId;
            case "category" -> category;
            case "commandname" -> commandName;
            case "hresult" -> hresult;
            default -> MISSING;
        };
    }

    @Override
    public String toString() {
        return message();
    }
}
