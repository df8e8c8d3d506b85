package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** ConvertTo-Json laid out byte for byte as PowerShell 7 writes it, with its depth warning, and read back by ConvertFrom-Json. */
class ConvertToJsonLayoutTest {
    @Test
    void layoutMatchesPowerShell7() {
        Result r = ScriptHarness.exec("[ordered]@{a=1;b=@(1,2);c=[ordered]@{d='x'};e=$null;f=$true;g=1.5;h=@();i=[ordered]@{}} | ConvertTo-Json");
        assertThat(r.out()).isEqualTo("{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {\n    \"d\": \"x\"\n  },\n"
                + "  \"e\": null,\n  \"f\": true,\n  \"g\": 1.5,\n  \"h\": [],\n  \"i\": {}\n}\n");
        assertThat(ScriptHarness.exec("ConvertTo-Json @(1)").out()).isEqualTo("[\n  1\n]\n");
        assertThat(ScriptHarness.exec("@() | ConvertTo-Json").out()).isEmpty();
        assertThat(ScriptHarness.exec("\"a`\"b\\c\" | ConvertTo-Json").out()).isEqualTo("\"a\\\"b\\\\c\"\n");
    }

    @Test
    void depthWarningAndRoundTrip() {
        Result deep = ScriptHarness.exec("[pscustomobject]@{a=[pscustomobject]@{b=[pscustomobject]@{c=[pscustomobject]@{d=1}}}} | ConvertTo-Json -Depth 2");
        assertThat(deep.err()).contains("WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 2.");
        assertThat(deep.out()).contains("\"c\": \"@{d=1}\"");
        Result back = ScriptHarness.exec("$o = [pscustomobject]@{ Name = 'job'; Files = @('a','b'); Inner = [pscustomobject]@{ N = 2 } }; "
                + "$r = $o | ConvertTo-Json | ConvertFrom-Json; $r.Name; $r.Files.Count; $r.Inner.N; "
                + "($r.PSObject.Properties.Name -join ','); ($r | ConvertTo-Json) -eq ($o | ConvertTo-Json)");
        assertThat(back.lines()).containsExactly("job", "2", "2", "Name,Files,Inner", "True");
    }
}
