package org.drizzle.cmdlets.policy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.engine.grouppolicy.PolicyService;
import org.drizzle.policy.BandwidthDecision;
import org.drizzle.policy.PolicyEvaluator;
import org.drizzle.policy.Priority;

/**
 * Test-BitsPolicy: the bandwidth limit the effective policy gives a priority at a local time,
 * the rule that decides it (maintenance, work, non-work, BITS 2.0 schedule) and why.
 */
@Cmdlet(verb = "Test", noun = "BitsPolicy", synopsis = "Shows the bandwidth limit policy sets for a priority at a time, and why.")
@Example(code = "Test-BitsPolicy -At '2026-11-27 09:30' -Priority Low", remarks = "The Low-priority limit on Friday morning.")
@Example(code = "Test-BitsPolicy -Priority High -OnLan", remarks = "The High-priority limit now, for a server on the LAN.")
public class TestBitsPolicyCommand extends Command {
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    @Parameter(help = "Local date and time, e.g. '2026-11-27 09:30' (default: now).")
    String at;
    @Parameter(validateSet = {"Foreground", "High", "Normal", "Low"}, help = "Job priority (default Normal).")
    String priority = "Normal";
    @Parameter(help = "The server is on the local network (Throttling\\IgnoreBandwidthLimitsOnLan).")
    boolean onLan;

    @Override
    public void end() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime when;
        try {
            when = at == null ? LocalDateTime.now(zone) : parse(at);
        } catch (DateTimeParseException e) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot convert '" + at
                    + "' to a date and time; use the form '2026-11-27 09:30'."), "InvalidAt", ErrorCategory.INVALID_ARGUMENT, at));
        }
        Priority p = Priority.parse(priority);
        PolicyEvaluator evaluator;
        try (PolicyService service = PolicyService.forMachine().load()) {
            evaluator = new PolicyEvaluator(service.current(), zone);
            service.rejections().values().forEach(context()::writeWarning);
        }
        Instant instant = when.atZone(zone).toInstant();
        BandwidthDecision d = evaluator.limitFor(instant, p, onLan);
        Instant next = evaluator.nextBoundaryAfter(instant);
        long bytes = d.rate().isUnlimited() ? -1 : d.rate().bytesPerSecond();
        writeObject(new BitsPolicyTest(when, p.displayName(), onLan, d.rate().toString(), bytes, d.rule(), d.reason(),
                next == null ? null : LocalDateTime.ofInstant(next, zone)));
    }

    static LocalDateTime parse(String text) {
        String t = text.trim();
        return t.contains("T") ? LocalDateTime.parse(t) : LocalDateTime.parse(t, SPACED);
    }
}
