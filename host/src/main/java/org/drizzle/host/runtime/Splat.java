package org.drizzle.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Argument;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** {@code @params}: a hashtable splats as named arguments (a switch takes $true/$false), an array as positional ones. */
record Splat(List<Argument> arguments) {

    static Splat of(Object value) {
        List<Argument> out = new ArrayList<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.add(new Argument(LanguagePrimitives.toStr(k), v, true, true)));
        } else {
            for (Object o : LanguagePrimitives.toList(value)) {
                out.add(new Argument(null, o, false, true));
            }
        }
        return new Splat(out);
    }
}
