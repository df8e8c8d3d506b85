package org.drizzle.host.runtime;

import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * {@code $PSCmdlet} in an advanced function: ShouldProcess honours -WhatIf (prints "What if: ..."
 * and answers false); ParameterSetName is the set the binder chose.
 */
public final class PsCmdlet {
    private final ScriptRunner rt;
    private final boolean whatIf;
    private final String parameterSetName;
    private final String commandName;

    PsCmdlet(ScriptRunner rt, boolean whatIf, String parameterSetName, String commandName) {
        this.rt = rt;
        this.commandName = commandName;
        this.whatIf = whatIf;
        this.parameterSetName = parameterSetName;
    }

    public String getParameterSetName() {
        return parameterSetName;
    }

    public boolean shouldProcess(Object target) {
        // the operation is the command's name, as in PowerShell
        return shouldProcess(target, commandName);
    }

    public boolean shouldProcess(Object target, Object action) {
        if (whatIf) {
            rt.session().ui().write("What if: Performing the operation \"" + LanguagePrimitives.toStr(action)
                    + "\" on target \"" + LanguagePrimitives.toStr(target) + "\".", null, true);
            return false;
        }
        return true;
    }

    /** ShouldProcess(verboseDescription, verboseWarning, caption): -WhatIf prints the description. */
    public boolean shouldProcess(Object verboseDescription, Object verboseWarning, Object caption) {
        if (whatIf) {
            rt.session().ui().write("What if: " + LanguagePrimitives.toStr(verboseDescription), null, true);
            return false;
        }
        return true;
    }

    /**
     * ShouldContinue(query, caption): asks at a terminal; without one it is PowerShell's
     * NonInteractive error (scripts pass -Force to skip the question).
     */
    public boolean shouldContinue(Object query, Object caption) {
        if (!rt.session().ui().isInteractive()) {
            throw new IllegalStateException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available. ("
                    + LanguagePrimitives.toStr(caption) + ": " + LanguagePrimitives.toStr(query) + ")");
        }
        String answer = rt.session().ui().readLine(LanguagePrimitives.toStr(caption) + "\n" + LanguagePrimitives.toStr(query)
                + "\n[Y] Yes  [N] No  (default is \"Y\"): ", false);
        return answer == null || answer.isBlank() || answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    public boolean shouldContinue(Object query, Object caption, Object hasSecurityImpact) {
        return shouldContinue(query, caption);
    }

    @Override
    public String toString() {
        return "System.Management.Automation.PSScriptCmdlet";
    }
}
