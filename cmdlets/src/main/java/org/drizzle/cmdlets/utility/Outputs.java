package org.drizzle.cmdlets.utility;

import java.util.List;

/** Small helpers the pipeline cmdlets share. */
final class Outputs {
    private Outputs() {
    }

    /** A script block's output as one value: nothing is $null, one item is itself, more is the list. */
    static Object single(List<Object> out) {
        return out.isEmpty() ? null : out.size() == 1 ? out.get(0) : out;
    }

    /** The pipeline object: -InputObject when given, else the piped input. */
    static Object item(Object inputObject, Object input) {
        return inputObject != null ? inputObject : input;
    }
}
