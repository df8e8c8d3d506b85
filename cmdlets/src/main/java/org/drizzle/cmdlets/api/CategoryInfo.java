package org.drizzle.cmdlets.api;

import org.drizzle.cmdlets.lang.DisplaysAsText;

/**
 * An ErrorRecord's CategoryInfo, as PowerShell fills it: the category, the activity (the command that
 * wrote the error), the reason (the exception's type name), and the target's text and type name; Write-Error's
 * -CategoryActivity, -CategoryReason, -CategoryTargetName and -CategoryTargetType override them. Prints as
 * {@code Category: (TargetName:TargetType) [Activity], Reason}.
 */
public record CategoryInfo(String category, String activity, String reason, String targetName, String targetType)
        implements DisplaysAsText {

    @Override
    public String toString() {
        return category + ": (" + targetName + ":" + targetType + ") [" + activity + "], " + reason;
    }
}
