package org.drizzle.cmdlets.api;

import java.util.List;

/**
 * The common parameters the binder recognised on one invocation (-ErrorAction/-EA,
 * -ErrorVariable/-EV, -WarningAction/-WA, -WarningVariable/-WV, -InformationAction/-infa,
 * -InformationVariable/-iv, -Verbose/-vb, -Debug/-db, -WhatIf/-wi, -Confirm/-cf,
 * -OutVariable/-OV, -OutBuffer/-ob, -PipelineVariable/-pv, -ProgressAction/-proga). The host applies them; null means
 * "not given" (the session preference applies). -OutBuffer is accepted and has no effect: it
 * only batches output, which changes nothing a script can see here.
 */
public record CommonParameters(ActionPreference errorAction, String errorVariable,
                               ActionPreference warningAction, String warningVariable,
                               ActionPreference informationAction, String informationVariable, Boolean verbose,
                               Boolean debug, Boolean whatIf, Boolean confirm, String outVariable, Integer outBuffer,
                               String pipelineVariable, ActionPreference progressAction) {

    public static final CommonParameters NONE =
            new CommonParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** -WhatIf and -Confirm exist only on commands that declare supportsShouldProcess. */
    static final List<String> SHOULD_PROCESS = List.of("WhatIf", "Confirm");

    /** The components' parameter names, in component order. */
    private static final List<String> NAMES = List.of("ErrorAction", "ErrorVariable", "WarningAction", "WarningVariable",
            "InformationAction", "InformationVariable", "Verbose", "Debug", "WhatIf", "Confirm", "OutVariable", "OutBuffer",
            "PipelineVariable", "ProgressAction");

    /** Every common parameter, as metadata, for name matching, help and completion. */
    public static final List<ParameterMetadata> ALL = List.of(
            p("ErrorAction", ActionPreference.class, "ea"), p("ErrorVariable", String.class, "ev"),
            p("WarningAction", ActionPreference.class, "wa"), p("WarningVariable", String.class, "wv"),
            p("InformationAction", ActionPreference.class, "infa"), p("InformationVariable", String.class, "iv"),
            p("Verbose", boolean.class, "vb"), p("Debug", boolean.class, "db"),
            p("OutVariable", String.class, "ov"), p("OutBuffer", int.class, "ob"),
            p("PipelineVariable", String.class, "pv"), p("ProgressAction", ActionPreference.class, "proga"),
            p("WhatIf", boolean.class, "wi"),
            p("Confirm", boolean.class, "cf"));

    private static ParameterMetadata p(String name, Class<?> type, String alias) {
        return ParameterMetadata.builder(name).type(type).aliases(alias).build();
    }

    /** Returns a copy with one common parameter set from a converted value. */
    CommonParameters with(String name, Object v) {
        Object[] c = {errorAction, errorVariable, warningAction, warningVariable, informationAction, informationVariable,
            verbose, debug, whatIf, confirm, outVariable, outBuffer, pipelineVariable, progressAction};
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(name);
        }
        c[i] = v;
        return new CommonParameters((ActionPreference) c[0], (String) c[1], (ActionPreference) c[2], (String) c[3],
                (ActionPreference) c[4], (String) c[5], (Boolean) c[6], (Boolean) c[7], (Boolean) c[8], (Boolean) c[9],
                (String) c[10], (Integer) c[11], (String) c[12], (ActionPreference) c[13]);
    }
}
