package org.drizzle.cmdlets.policy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.api.EffectivePolicy;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.policy.PolicyKey;
import org.drizzle.policy.PolicySchema;
import org.drizzle.policy.PolicySource;

/**
 * Get-BitsPolicy: the policy the engine enforces, every value with the source that set it, as
 * the running service (or embedded engine) reports it. A source whose current content is
 * rejected is a warning naming each problem, and its values show as "(last good)": the engine
 * keeps enforcing them, so they, not "Not configured", are what applies.
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
        EffectivePolicy policy = enforced();
        Map<String, EffectivePolicy.Value> configuredValues = new HashMap<>();
        for (EffectivePolicy.Value v : policy.values()) {
            configuredValues.put(v.name().toLowerCase(Locale.ROOT), v);
        }
        Set<String> rejected = new HashSet<>();
        for (EffectivePolicy.Rejection r : policy.rejections()) {
            rejected.add(r.source());
            context().writeWarning(r.problem() + "; the engine keeps enforcing the last good values of this source,"
                    + " which are the ones shown.");
        }
        for (PolicyKey key : PolicySchema.keys()) {
            EffectivePolicy.Value v = configuredValues.get(key.path().toLowerCase(Locale.ROOT));
            if ((configured && v == null) || !selected(key.path())) {
                continue;
            }
            Object value = v != null ? number(v.value())
                    : NOT_CONFIGURED.getOrDefault(key.path().toLowerCase(Locale.ROOT), "Not configured");
            String source = v == null ? PolicySource.DEFAULT.displayName()
                    : rejected.contains(v.source()) ? v.source() + " (last good)" : v.source();
            writeObject(new BitsPolicyValue(key.path(), value, source, key.rangeText(), key.description()));
        }
    }

    /**
     * The policy the engine enforces: the running service's (or the embedded engine's) own view,
     * which keeps a rejected source's last good values. Only when no engine can say (none
     * answers, or one that predates the question) are the sources read here, as the engine
     * would read them at its start.
     */
    private EffectivePolicy enforced() {
        try {
            EngineClient engine = context().engine();
            if (engine != null) {
                return engine.effectivePolicy();
            }
        } catch (BitsException e) {
            if (e.code() != ErrorCodes.E_NOTIMPL) {
                context().writeWarning("The engine did not report its policy (" + e.getMessage()
                        + "); showing the policy sources as read now.");
            }
        } catch (RuntimeException e) {
            context().writeWarning("No engine reported its policy (" + e.getMessage()
                    + "); showing the policy sources as read now.");
        }
        try (PolicyService service = PolicyService.forMachine().load()) {
            return service.effective();
        }
    }

    /** JSON hands small numbers back as Integer; policy numbers are Long everywhere else. */
    private static Object number(Object value) {
        return value instanceof Number n && !(value instanceof Long) ? (Object) n.longValue() : value;
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
