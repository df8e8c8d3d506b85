package org.drizzle.cmdlets.lang;

/**
 * An object PowerShell's format data shows as its string form, not as a property table or list
 * (Select-String's MatchInfo prints as {@code file:line:text}); its properties stay readable.
 */
public interface DisplaysAsText {
}
