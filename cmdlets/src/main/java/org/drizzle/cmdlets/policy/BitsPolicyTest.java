package org.drizzle.cmdlets.policy;

import java.time.LocalDateTime;
import java.util.List;
import org.drizzle.cmdlets.format.DefaultView;

/**
 * What Test-BitsPolicy found: the limit for a priority at a time, the rule that set it, why,
 * and when it next changes.
 *
 * @param bytesPerSecond -1 when unlimited, 0 when blocked
 */
public record BitsPolicyTest(LocalDateTime at, String priority, boolean onLan, String limit, long bytesPerSecond,
                             String rule, String reason, LocalDateTime nextChange) implements DefaultView {

    @Override
    public List<String> defaultProperties() {
        return List.of("At", "Priority", "Limit", "Rule", "NextChange");
    }
}
