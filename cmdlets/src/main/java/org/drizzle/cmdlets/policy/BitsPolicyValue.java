package org.drizzle.cmdlets.policy;

import java.util.List;
import org.drizzle.cmdlets.format.DefaultView;

/**
 * One row of Get-BitsPolicy: a policy value by its registry path, the value in force, and the
 * source that set it ("Not configured" when the built-in behaviour applies).
 */
public record BitsPolicyValue(String name, Object value, String source, String range, String description)
        implements DefaultView {

    @Override
    public List<String> defaultProperties() {
        return List.of("Name", "Value", "Source");
    }
}
