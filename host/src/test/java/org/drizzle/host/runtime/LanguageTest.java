package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** Every construct of the language, run end to end: parse, compile to JS, Nashorn, runtime bridge. */
class LanguageTest {

    private static List<String> lines(String src) {
        Result r = ScriptHarness.exec(src);
        assertThat(r.err()).as("stderr of: " + src).isEmpty();
        return r.lines();
    }

    @Test
    void variablesArithmeticAndStrings() {
        assertThat(lines("$x = 7; $x / 2; 6 / 2; 7 % 3; 'a' + 1; 1 + '2'; 'ab' * 2; 2KB; -5 + 1")).containsExactly(
                "3.5", "3", "1", "a1", "3", "abab", "2048", "-4");
        assertThat(lines("$n = 'W'; \"Hi $n, $($n.Length) `$x `\"q`\"\"; 'no $n'")).containsExactly("Hi W, 1 $x \"q\"", "no $n");
        assertThat(lines("$a = 1, 2; $a += 3; $a.Count; \"$a\"; @(1).Count; @().Count")).containsExactly("3", "1 2 3", "1", "0");
    }

    @Test
    void comparisonsHavePowerShellSemantics() {
        assertThat(lines("'abc' -eq 'ABC'; 'abc' -ceq 'ABC'; 10 -eq '10'; '10' -gt 9; 1, 2, 3 -gt 1; 'x' -in 'a', 'X'; "
                + "(1, 2) -contains 2; $null -eq $null; 'a.txt' -like '*.TXT'; 'a' -notlike 'b*'")).containsExactly(
                "True", "False", "True", "False", "2", "3", "True", "True", "True", "True", "True");
        assertThat(lines("if ('file-12.iso' -match '(?<n>\\d+)') { $Matches.n; $Matches[0] }")).containsExactly("12", "12");
        assertThat(lines("'a,b' -split ','; (1, 2) -join '+'; 'Hello' -replace 'l+', 'L'; -not $true; !0")).containsExactly(
                "a", "b", "1+2", "HeLo", "False", "True");
    }

    @Test
    void castsRoundHalfToEven() {
        assertThat(lines("[int]2.5; [int]3.5; [int]'42'; [string]1.5; [bool]'false'; [long]'5GB'.Replace('GB','')"))
                .containsExactly("2", "4", "42", "1.5", "True", "5");
        assertThat(lines("[guid]'{01234567-89ab-cdef-0123-456789abcdef}'")).containsExactly("01234567-89ab-cdef-0123-456789abcdef");
        assertThat(lines("([datetime]'2026-11-24').Year; 5 -is [int]; '5' -as [int]")).containsExactly("2026", "True", "5");
    }

    @Test
    void controlFlow() {
        assertThat(lines("$i = 0; while ($i -lt 3) { $i++ }; $i; for ($j = 0; $j -lt 5; $j++) { if ($j -eq 1) { continue }; "
                + "if ($j -eq 3) { break }; $j }; foreach ($k in 'a', 'b') { $k.ToUpper() }; do { $i-- } until ($i -le 0); $i"))
                .containsExactly("3", "0", "2", "A", "B", "0");
        assertThat(lines("$v = if ($false) { 'y' } elseif ($true) { 'z' } else { 'n' }; $v")).containsExactly("z");
        assertThat(lines("switch (3, 'x') { 3 { 'three' } 'X' { 'ex' } default { 'd' } }")).containsExactly("three", "ex");
        assertThat(lines("switch -Regex ('abc') { '^a' { 'A' } 'c$' { 'C'; break } 'b' { 'B' } }")).containsExactly("A", "C");
    }

    @Test
    void functionsBindNamedPositionalDefaultsSwitchesAndArgs() {
        String f = "function Add-It { param($a, [int]$b = 2, [switch]$Neg) if ($Neg) { -($a + $b) } else { $a + $b } }; ";
        assertThat(lines(f + "Add-It 1; Add-It -b 5 1; Add-It 1 -Neg; Add-It -A:3 -B 4")).containsExactly("3", "6", "-3", "7");
        assertThat(lines("function Show { \"$($args.Count): $args\" }; Show x y")).containsExactly("2: x y");
        assertThat(lines("function Twice { process { $_ * 2 } }; 1, 2 | Twice")).containsExactly("2", "4");
        assertThat(lines("function First { return 1; 2 }; First")).containsExactly("1");
    }

    @Test
    void hashtablesObjectsAndMembers() {
        assertThat(lines("$h = @{ A = 1; b = 'x' }; $h.a; $h['B']; $h.Count; $h.Keys -join ','")).containsExactly("1", "x", "2", "A,b");
        assertThat(lines("$o = [pscustomobject]@{ Name = 'n'; Size = 3 }; $o.name; $o.Missing -eq $null; $o.Size = 4; $o.Size"))
                .containsExactly("n", "True", "4");
        assertThat(lines("$list = @([pscustomobject]@{ N = 1 }, [pscustomobject]@{ N = 2 }); $list.N")).containsExactly("1", "2");
        assertThat(lines("'  pad '.Trim().PadLeft(5, '*'); 'a-b'.Split('-')[1]; (1, 2, 3)[-1]")).containsExactly("**pad", "b", "3");
    }

    @Test
    void formatOperatorAndStaticMembers() {
        assertThat(lines("'{0:N2} MB' -f 1.5; '{0,-4}|{1,3}' -f 'a', 'b'; '{0:D3}' -f 7; '{0:P1}' -f 0.256; '{0}{0}' -f 'x'"))
                .containsExactly("1.50 MB", "a   |  b", "007", "25.6%", "xx"); // PowerShell 7's en-US percent (docs/dotnet-types.md)
        assertThat(lines("[math]::Round(2.5); [math]::Max(3, 9); [uint64]::MaxValue; [int]::MaxValue; [string]::IsNullOrEmpty('')"))
                .containsExactly("2", "9", "18446744073709551615", "2147483647", "True");
        assertThat(lines("'{0:mm\\:ss}' -f [timespan]::FromSeconds(75); [System.IO.Path]::GetExtension('/a/b.iso')"))
                .containsExactly("01:15", ".iso");
    }

    @Test
    void pipelinesStreamThroughCmdletsAndScriptBlocks() {
        assertThat(lines("1..6 | Where-Object { $_ % 2 -eq 0 } | ForEach-Object { $_ * 10 }")).containsExactly("20", "40", "60");
        assertThat(lines("$sb = { param($x) $x + 1 }; & $sb 1; $sb.Invoke(2)")).containsExactly("2", "3");
        assertThat(lines("$p = @{ InputObject = 'splat' }; Write-Output @p")).containsExactly("splat");
    }

    @Test
    void hereStringsAndComments() {
        assertThat(lines("<# block\ncomment #>\n$n = 'x' # trailing\n@\"\nline $n\n  two\n\"@\n@'\n$n\n'@")).containsExactly(
                "line x", "  two", "$n");
    }
}
