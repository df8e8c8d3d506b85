package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.junit.jupiter.api.Test;

/** Through a real session: Get-Help's .COMPONENT/.ROLE/.FUNCTIONALITY filters, Get-Date -DisplayHint, ForEach-Object -WhatIf. */
class HelpFiltersAndDisplayHintTest {
    private final ScriptHarness runner = new ScriptHarness();

    private String run(String script) {
        ScriptHarness.Result r = runner.run(script);
        assertThat(r.err()).as(script).isEmpty();
        return r.out().replace("\r", "").strip();
    }

    @Test
    void commentHelpKeywordsAreFilters() {
        runner.run("""
                <#
                .SYNOPSIS
                Mirrors a share.
                .COMPONENT
                Storage
                .ROLE
                Admin
                .FUNCTIONALITY
                Replication
                #>
                function Sync-Mirror { }
                function Sync-Other { }
                """);
        assertThat(run("(Get-Help -Component Stor* | ForEach-Object Name) -join ','")).isEqualTo("Sync-Mirror");
        assertThat(run("(Get-Help -Role Admin -Functionality Repl* | ForEach-Object Name) -join ','")).isEqualTo("Sync-Mirror");
        assertThat(run("@(Get-Help -Role Auditor).Count")).isEqualTo("0");
    }

    @Test
    void displayHintShowsTheDateOrTheTime() {
        assertThat(run("Get-Date -Date '2026-03-04 17:05:06' -DisplayHint Date")).isEqualTo("3/4/2026");
        assertThat(run("Get-Date -Date '2026-03-04 17:05:06' -DisplayHint Time")).isEqualTo("5:05:06 PM");
        assertThat(run("$d = Get-Date -Date '2026-03-04 17:05:06' -DisplayHint Time; \"$($d.DisplayHint) $($d.Year)\""))
                .isEqualTo("Time 2026");
    }

    @Test
    void forEachObjectWhatIfShowsTheMemberCall() {
        assertThat(run("'abc' | ForEach-Object -MemberName ToUpper -WhatIf")).isEqualTo(
                "What if: Performing the operation \"Invoke method 'ToUpper'\" on target \"InputObject: abc\".");
    }
}
