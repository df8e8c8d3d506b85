package org.drizzle.cmdlets.policy;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.bandwidth.PolicyService;
import org.drizzle.policy.PolicyKey;
import org.drizzle.policy.PolicySchema;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.Setting;

/**
 * Get-BitsPolicy: the effective policy, every value with the source that set it, read from the
 * same sources the engine uses (policy file, registry on Windows, cached fleet policy). A source
 * whose current content was rejected is reported as a warning; its last good values are shown.
 */
@Cmdlet(verb = "Get", noun = "BitsPolicy", synopsis = "Gets the effective Group Policy settings and where each came from.")
@Example(code = "Get-BitsPolicy", remarks = "Lists every policy value, its value in force and its source.")
@Example(code = "Get-BitsPolicy -Configured", remarks = "Lists only the values some source configures.")
public class GetBitsPolicyCommand extends Command {
    /** BITS' behaviour for the values that have a number when not configured. */
    private static final Map<String, Object> NOT_CONFIGURED = Map.of(
            "jobinactivitytimeout", 90L, "maxdownloadtime", 7_776_000L, "maxjobspermachine", 300L,
            "maxjobsperuser", 60L, "maxfilesperjob", 200L, "maxrangesperfile", 500L,
            "maxcachesize", 1L, "maxcontentage", 90L);

    @Parameter(position = 0, help = "Value names to show (registry paths; * and ? wildcards).")
    String[] name;
    @Parameter(help = "Show only values that a source configures.")
    boolean configured;

    @Override
    public void end() {
        PolicySnapshot policy;
        try (PolicyService service = PolicyService.forMachine().load()) {
            policy = service.current();
            service.manager().rejections().values().forEach(context()::writeWarning);
        }
        for (PolicyKey key : PolicySchema.keys()) {
            Setting<Object> s = policy.value(key);
            if ((configured && !s.isConfigured()) || !selected(key.path())) {
                continue;
            }
            Object value = s.isConfigured() ? s.value()
                    : NOT_CONFIGURED.getOrDefault(key.path().toLowerCase(Locale.ROOT), "Not configured");
            writeObject(new BitsPolicyValue(key.path(), value, s.source().displayName(), key.rangeText(), key.description()));
        }
    }

    private boolean selected(String path) {
        if (name == null || name.length == 0) {
            return true;
        }
        for (String pattern : name) {
            String regex = ("\\Q" + pattern + "\\E").replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
            if (Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
