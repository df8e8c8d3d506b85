package org.drizzle.cmdlets.api;

/** Which of a command's help Get-Help shows: its switches -Detailed, -Full and -Examples, or none of them. */
public enum HelpView {
    /** NAME, SYNOPSIS, SYNTAX, DESCRIPTION, RELATED LINKS and REMARKS. */
    DEFAULT,
    /** The default sections plus PARAMETERS (with their descriptions) and EXAMPLES. */
    DETAILED,
    /** Everything: parameter attributes, INPUTS, OUTPUTS, NOTES, EXAMPLES and RELATED LINKS. */
    FULL,
    /** NAME, SYNOPSIS and the EXAMPLES. */
    EXAMPLES
}
