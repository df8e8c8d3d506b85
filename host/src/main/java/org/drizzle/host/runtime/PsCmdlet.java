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

    PsCmdlet(ScriptRunner rt, boolean whatIf, String parameterSetName) {
        this.rt = rt;
        this.whatIf = whatIf;
        this.parameterSetName = parameterSetName;
    }

    public String getParameterSetName() {
        return parameterSetName;
    }

    public boolean shouldProcess(Object target) {
        return shouldProcess(target, "Process");
    }

    public boolean shouldProcess(Object target, Object action) {
        if (whatIf) {
            rt.session().ui().write("What if: Performing the operation \"" + LanguagePrimitives.toStr(action)
                    + "\" on target \"" + LanguagePrimitives.toStr(target) + "\".", null, true);
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "System.Management.Automation.PSScriptCmdlet";
    }
}
