package org.drizzle.cmdlets.bits;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Sizes;
import org.drizzle.cmdlets.lang.WildcardPattern;
import org.drizzle.engine.api.BandwidthReport;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.JobType;

/**
 * Get-BitsBandwidth (a Drizzle addition): the bandwidth picture now. By default one row per
 * watched interface and direction (capacity, others' traffic, the background allowance, the
 * policy limit); with -Jobs one row per running job with its current rate. An interface is
 * watched while a background job transfers over it and for a minute after.
 */
@Cmdlet(verb = "Get", noun = "BitsBandwidth", defaultParameterSet = "Interface",
        synopsis = "Gets each interface's estimated capacity, others' traffic, background allowance and policy limit, "
                + "and each running job's current rate.",
        description = "Shows what the idle-bandwidth estimator believes about each interface a background job uses: "
                + "the link capacity and where it comes from (Setting, NicSpeed or Learned), everyone else's traffic, "
                + "Drizzle's own, the allowance background jobs may use now, and the Group Policy limit in force. "
                + "Background jobs move at min(policy limit, allowance); foreground jobs ignore both. Each row's Jobs "
                + "property lists the running jobs on that interface; -Jobs lists the running jobs instead, with "
                + "their current rate (bytes per second over the last two seconds). Users see their own jobs, "
                + "administrators every user's.")
@Example(code = "Get-BitsBandwidth", remarks = "Shows capacity, others' traffic, allowance and policy limit per interface.")
@Example(code = "Get-BitsBandwidth -Jobs", remarks = "Shows each running job's current rate and policy limit.")
@Example(code = "Get-BitsBandwidth -Jobs | Where-Object BytesPerSecond -lt 10KB | Get-BitsTransfer",
        remarks = "Gets the BitsJob objects of running jobs that move less than 10 KB a second.")
@Example(code = "Get-BitsBandwidth eth0 | Format-List *", remarks = "Shows every figure for eth0, in bytes per second too.")
public class GetBitsBandwidthCommand extends Command {
    @Parameter(position = 0, help = "Interfaces to show (names such as eth0; * and ? wildcards).")
    String[] interfaceAlias;
    @Parameter(mandatory = true, parameterSet = "Jobs", help = "List the running jobs and their rates instead of the interfaces.")
    boolean jobs;

    @Override
    public void end() {
        BandwidthReport report;
        try {
            report = context().engine().bandwidth();
        } catch (BitsException e) {
            writeError(BitsErrors.of(e, null, "Get-BitsBandwidth"));
            return;
        }
        String policy = policyLimit(report.limits());
        String rule = report.limits().isEmpty() ? "Not configured"
                : report.limits().stream().map(BandwidthReport.Limit::rule).distinct().collect(Collectors.joining(", "));
        List<BitsJobRate> rates = new ArrayList<>();
        for (BandwidthReport.JobRate j : report.jobs()) {
            if (selected(j.interfaceName())) {
                rates.add(new BitsJobRate(j.id().uuid(), j.displayName(), j.type(), j.owner(), j.priority(), j.state(),
                        j.interfaceName(), rate(j.rate()), j.rate(), limit(j.limit())));
            }
        }
        if (jobs) {
            rates.forEach(this::writeObject);
            return;
        }
        if (!report.estimating()) {
            context().writeWarning("The idle-bandwidth estimator is off (drizzle.idleBandwidth=false): background jobs "
                    + "are held to policy limits only, and no interface is watched. Get-BitsBandwidth -Jobs still "
                    + "shows each running job's rate.");
        } else if (report.interfaces().isEmpty()) {
            context().writeVerbose("No interface is watched: no background job has transferred in the last minute.");
        }
        for (BandwidthReport.Link l : report.interfaces()) {
            if (!selected(l.name())) {
                continue;
            }
            List<BitsJobRate> on = rates.stream().filter(r -> l.name().equals(r.interfaceAlias())
                    && (r.transferType() != JobType.DOWNLOAD) == l.upload()).toList();
            writeObject(new BitsBandwidth(l.name(), l.upload() ? "Send" : "Receive",
                    l.capacity() > 0 ? rate(l.capacity()) : "Unknown", l.capacitySource().displayName(),
                    rate(l.others()), rate(l.own()), rate(l.allowance()), policy, rule,
                    l.queueDelayMicros() < 0 ? null : l.queueDelayMicros() / 1000.0,
                    l.capacity(), l.others(), l.own(), l.allowance(), on));
        }
    }

    private boolean selected(String name) {
        if (interfaceAlias == null || interfaceAlias.length == 0) {
            return true;
        }
        for (String pattern : interfaceAlias) {
            if (name != null && WildcardPattern.of(pattern).matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** "195.3 KB/s". */
    static String rate(long bytesPerSecond) {
        return Sizes.format(bytesPerSecond) + "/s";
    }

    /** "None" (no limit), "Blocked" (a zero-bandwidth window) or the rate. */
    static String limit(Long bytesPerSecond) {
        return bytesPerSecond == null ? "None" : bytesPerSecond == 0 ? "Blocked" : rate(bytesPerSecond);
    }

    /** One limit when every background priority has the same, else "High: ..., Normal: ..., Low: ...". */
    static String policyLimit(List<BandwidthReport.Limit> limits) {
        if (limits.isEmpty()) {
            return "None";
        }
        if (limits.stream().map(BandwidthReport.Limit::limit).distinct().count() == 1) {
            return limit(limits.get(0).limit());
        }
        return limits.stream().map(l -> l.priority().displayName() + ": " + limit(l.limit()))
                .collect(Collectors.joining(", "));
    }
}
