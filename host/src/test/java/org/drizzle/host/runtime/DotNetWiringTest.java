package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The language dispatching to the cmdlets module's curated .NET types, formatter and instance members. */
class DotNetWiringTest {

    private static java.util.List<String> lines(String script) {
        Result r = ScriptHarness.exec(script);
        assertThat(r.err()).as("stderr of: " + script).isEmpty();
        return r.lines();
    }

    @Test
    void castsRoundHalfToEvenAndNumbersFollowPowerShell() {
        assertThat(lines("[int]2.5; [int]3.5; [int]-2.5; [long]'42'; [int](7/2); 7/2; [math]::Round(2.5); "
                + "[math]::Round(2.135, 2); [math]::Round(2.5, [MidpointRounding]::AwayFromZero); [uint64]::MaxValue"))
                .containsExactly("2", "4", "-2", "42", "4", "3.5", "2", "2.13", "3", "18446744073709551615");
        assertThat(lines("[int]((50 / 200) * 100); 5 -band 3; 5 -bor 3; 5 -bxor 3; -bnot 0; 1 -shl 4; 256 -shr 4; 1KB; 1.5MB"))
                .containsExactly("25", "1", "7", "6", "-1", "16", "16", "1024", "1572864");
    }

    @Test
    void formatOperatorUsesCompositeFormatting() {
        assertThat(lines("'{0:N2} MB' -f (1536KB / 1MB); '[{0,-6}|{0,6}]' -f 'ab'; '{0:P1}' -f 0.1234; '{0:D3}' -f 7; "
                + "'{0:X}' -f 255; '{0:yyyy-MM-dd}' -f [datetime]'2024-03-05'; '{0:mm\\:ss}' -f [timespan]::FromSeconds(125); "
                + "'{0}{1}{0}' -f 'a', 'b'; [string]::Format('{0:N0}', 1234567); '{{x}}' -f 1"))
                .containsExactly("1.50 MB", "[ab    |    ab]", "12.3%", "007", "FF", "2024-03-05", "02:05", "aba",
                        "1,234,567", "{x}");
        Result bad = ScriptHarness.exec("'{1}' -f 'only'");
        assertThat(bad.err()).contains("{1}");
        assertThat(bad.exitCode()).isEqualTo(1);
    }

    @Test
    void staticMembersGetSetCallAndConstruct() {
        assertThat(lines("[System.IO.Path]::GetFileNameWithoutExtension('/tmp/a.iso'); [IO.Path]::Combine('a', 'b'); "
                + "[string]::IsNullOrWhiteSpace(' '); [regex]::Escape('a.b'); [int]::MaxValue; "
                + "[Microsoft.BackgroundIntelligentTransfer.Management.BitsJobState]::Suspended; "
                + "[System.Net.ServicePointManager]::SecurityProtocol = [System.Net.SecurityProtocolType]::Tls12; "
                + "[System.Net.ServicePointManager]::SecurityProtocol; ([version]::new(1, 2)).Minor; "
                + "$sw = [System.Diagnostics.Stopwatch]::StartNew(); $sw.IsRunning; (New-Object System.Diagnostics.Stopwatch).IsRunning"))
                .containsExactly("a", "a/b", "True", "a\\.b", "2147483647", "Suspended", "Tls12", "2", "True", "False");
        Result unknown = ScriptHarness.exec("[math]::Frobnicate(1)");
        assertThat(unknown.err()).contains("Frobnicate");
        Result noType = ScriptHarness.exec("[Foo.Bar]::Baz");
        assertThat(noType.err()).contains("Unable to find type [Foo.Bar]");
    }

    @Test
    void environmentMembersSeeTheSession() {
        assertThat(lines("$env:DRIZZLE_H13 = 'yes'; [Environment]::GetEnvironmentVariable('DRIZZLE_H13'); "
                + "Set-Location /tmp; [Environment]::CurrentDirectory"))
                .containsExactly("yes", "/tmp");
        assertThat(ScriptHarness.exec("'a'; [Environment]::Exit(4); 'b'").exitCode()).isEqualTo(4);
    }

    @Test
    void typeOperatorsAndInstanceMembers() {
        assertThat(lines("5 -is [int]; '5' -isnot [string]; ('12' -as [int]) + 1; ('x' -as [int]) -eq $null; "
                + "$d = [datetime]'2024-01-31 10:00'; $d.AddDays(1).ToString('yyyy-MM-dd'); $d.DayOfWeek; "
                + "([datetime]'2024-01-02' - [datetime]'2024-01-01').TotalHours; [timespan]::FromMinutes(90).TotalSeconds; "
                + "(1234.5).ToString('N1'); ([uri]'https://h.example:8443/a/b.iso').Port; '  x '.Trim().PadLeft(3, '-')"))
                .containsExactly("True", "False", "13", "True", "2024-02-01", "Wednesday", "24", "5400", "1,234.5",
                        "8443", "--x");
    }

    @Test
    void strictModeMakesMissingPropertiesErrors() {
        Result off = ScriptHarness.exec("$o = [pscustomobject]@{ A = 1 }; $o.B -eq $null");
        assertThat(off.lines()).containsExactly("True");
        Result on = ScriptHarness.exec("Set-StrictMode -Version Latest; $o = [pscustomobject]@{ A = 1 }; $o.A; $o.B; 'after'");
        assertThat(on.lines()).startsWith("1");
        assertThat(on.err()).contains("'B'");
        Result dates = ScriptHarness.exec("Set-StrictMode -Version Latest; (Get-Date).Year -gt 2000; (Get-Date).Nope");
        assertThat(dates.lines()).startsWith("True");
        assertThat(dates.err()).contains("'Nope'");
    }

    @Test
    void transcriptRecordsConsoleLines(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("t.log");
        Result r = ScriptHarness.exec("Start-Transcript -Path '" + log + "' | Out-Null; 'data line'; Write-Host 'host line'; "
                + "Write-Warning 'careful'; [pscustomobject]@{ Name = 'n1' }; Stop-Transcript | Out-Null; 'not recorded'");
        assertThat(r.out()).contains("data line", "host line", "not recorded");
        String text = Files.readString(log);
        assertThat(text).contains("data line", "host line", "WARNING: careful", "n1").doesNotContain("not recorded");
    }
}
