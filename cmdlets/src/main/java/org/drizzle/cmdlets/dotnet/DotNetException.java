package org.drizzle.cmdlets.dotnet;

/** A .NET-style failure (unknown type or member, bad cast, bad format) with PowerShell's wording. */
public class DotNetException extends IllegalArgumentException {
    private final String errorId;

    public DotNetException(String errorId, String message) {
        super(message);
        this.errorId = errorId;
    }

    public DotNetException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** PowerShell's FullyQualifiedErrorId stem ("TypeNotFound", "MethodNotFound", "InvalidCastParseTargetInvocation"...). */
    public String errorId() {
        return errorId;
    }

    static DotNetException cannotConvert(Object value, String typeName, String why) {
        return new DotNetException("InvalidCastParseTargetInvocation", "Cannot convert value \"" + value
                + "\" to type \"" + typeName + "\". Error: \"" + why + "\"");
    }
}
