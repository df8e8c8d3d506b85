package org.drizzle.cmdlets.api;

import java.util.List;

/**
 * The common parameters the binder recognised on one invocation (-ErrorAction/-EA,
 * -ErrorVariable/-EV, -WarningAction/-WA, -WarningVariable/-WV, -Verbose/-vb, -Debug/-db,
 * -WhatIf/-wi, -Confirm/-cf, -OutVariable/-OV, -InformationAction/-infa). The host applies
 * them; null means "not given" (the session preference applies).
 */
public record CommonParameters(ActionPreference errorAction, String errorVariable,
                               ActionPreference warningAction, String warningVariable,
                               ActionPreference informationAction, Boolean verbose, Boolean debug,
                               Boolean whatIf, Boolean confirm, String outVariable) {

    public static final CommonParameters NONE =
            new CommonParameters(null, null, null, null, null, null, null, null, null, null);

    /** -WhatIf and -Confirm exist only on commands that declare supportsShouldProcess. */
    static final List<String> SHOULD_PROCESS = List.of("WhatIf", "Confirm");

    /** Every common parameter, as metadata, for name matching, help and completion. */
    public static final List<ParameterMetadata> ALL = List.of(
            p("ErrorAction", ActionPreference.class, "ea"), p("ErrorVariable", String.class, "ev"),
            p("WarningAction", ActionPreference.class, "wa"), p("WarningVariable", String.class, "wv"),
            p("InformationAction", ActionPreference.class, "infa"),
            p("Verbose", boolean.class, "vb"), p("Debug", boolean.class, "db"),
            p("OutVariable", String.class, "ov"), p("WhatIf", boolean.class, "wi"),
            p("Confirm", boolean.class, "cf"));

    private static ParameterMetadata p(String name, Class<?> type, String alias) {
        return ParameterMetadata.builder(name).type(type).aliases(alias).build();
    }

    /** Returns a copy with one common parameter set from a converted value. */
    CommonParameters with(String name, Object v) {
        return switch (name) {
            case "ErrorAction" -> new CommonParameters((ActionPreference) v, errorVariable, warningAction,
                    warningVariable, informationAction, verbose, debug, whatIf, confirm, outVariable);
            case "ErrorVariable" -> new CommonParameters(errorAction, (String) v, warningAction, warningVariable,
                    informationAction, verbose, debug, whatIf, confirm, outVariable);
            case "WarningAction" -> new CommonParameters(errorAction, errorVariable, (ActionPreference) v,
                    warningVariable, informationAction, verbose, debug, whatIf, confirm, outVariable);
            case "WarningVariable" -> new CommonParameters(errorAction, errorVariable, warningAction, (String) v,
                    informationAction, verbose, debug, whatIf, confirm, outVariable);
            case "InformationAction" -> new CommonParameters(errorAction, errorVariable, warningAction,
                    warningVariable, (ActionPreference) v, verbose, debug, whatIf, confirm, outVariable);
            case "Verbose" -> new CommonParameters(errorAction, errorVariable, warningAction, warningVariable,
                    informationAction, (Boolean) v, debug, whatIf, confirm, outVariable);
            case "Debug" -> new CommonParameters(errorAction, errorVariable, warningAction, warningVariable,
                    informationAction, verbose, (Boolean) v, whatIf, confirm, outVariable);
            case "WhatIf" -> new CommonParameters(errorAction, errorVariable, warningAction, warningVariable,
                    informationAction, verbose, debug, (Boolean) v, confirm, outVariable);
            case "Confirm" -> new CommonParameters(errorAction, errorVariable, warningAction, warningVariable,
                    informationAction, verbose, debug, whatIf, (Boolean) v, outVariable);
            case "OutVariable" -> new CommonParameters(errorAction, errorVariable, warningAction, warningVariable,
                    informationAction, verbose, debug, whatIf, confirm, (String) v);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
