package org.drizzle.cmdlets.api;

/** PowerShell's ActionPreference (-ErrorAction, $ErrorActionPreference), with its numeric values. */
public enum ActionPreference {
    SILENTLY_CONTINUE(0), STOP(1), CONTINUE(2), INQUIRE(3), IGNORE(4), SUSPEND(5), BREAK(6);

    private final int value;

    ActionPreference(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** Parses a name (SilentlyContinue, stop, ...) or its number ("0" is SilentlyContinue). */
    public static ActionPreference parse(Object o) {
        String t = String.valueOf(o).trim();
        for (ActionPreference p : values()) {
            if (t.equals(String.valueOf(p.value)) || p.name().replace("_", "").equalsIgnoreCase(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + t + "' is not a valid ActionPreference; valid values are: "
                + "SilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break");
    }
}
