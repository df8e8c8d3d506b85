package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4's language list, edge cases first: switch, rounding, statements as values, scopes and common parameters. */
class CompatFeaturesTest {

    private static List<String> lines(String script) {
        Result r = ScriptHarness.exec(script);
        assertThat(r.err()).as("stderr of: " + script).isEmpty();
        return r.lines();
    }

    @Test
    void switchEdgeCases() {
        assertThat(lines("switch ('a.iso') { '*.ISO' { 'no wildcard' } 'A.ISO' { 'equal ignoring case' } }"))
                .containsExactly("equal ignoring case");
        assertThat(lines("switch -Wildcard ('setup.iso', 'notes.txt') { '*.iso' { \"image $_\" } 's*' { 'starts s' } default { \"other $_\" } }"))
                .containsExactly("image setup.iso", "starts s", "other notes.txt");
        assertThat(lines("switch -CaseSensitive ('Error') { 'error' { 'lower' } 'Error' { 'exact' } }")).containsExactly("exact");
        assertThat(lines("switch (5GB, 10MB) { { $_ -ge 1GB } { 'big' } { $_ -lt 1GB } { 'small' } }")).containsExactly("big", "small");
        assertThat(lines("switch (1, 2, 3) { 2 { continue } default { \"d$_\" } }")).containsExactly("d1", "d3");
        assertThat(lines("switch (1, 2, 3) { 2 { 'two'; break } default { \"d$_\" } }; 'after'")).containsExactly("d1", "two", "after");
        assertThat(lines("$s = switch ('Transferred') { 'Error' { 1 } 'Transferred' { 2 } }; $s + 1")).containsExactly("3");
        assertThat(lines("switch (@()) { default { 'never' } }; 'empty input runs nothing'")).containsExactly("empty input runs nothing");
        assertThat(lines("switch -Regex ('job-42') { '(\\d+)$' { $Matches[1] } }")).containsExactly("42");
        assertThat(lines("foreach ($i in 1..3) { switch ($i) { 2 { break } } ; \"i$i\" }")).containsExactly("i1", "i2", "i3");
    }

    @Test
    void roundingEdgeCases() {
        assertThat(lines("[int]0.5; [int]1.5; [int]-1.5; [long]2.5; [int]'2.5'; [int]2.51; [uint64]3.5; [math]::Round(-2.5); "
                + "[math]::Round(1.005, 2); [math]::Truncate(-2.7); [math]::Floor(-2.5); [math]::Ceiling(2.1)"))
                .containsExactly("0", "2", "-2", "2", "2", "3", "4", "-2", "1", "-2", "-3", "3");
        Result overflow = ScriptHarness.exec("[int]3e10");
        assertThat(overflow.err()).contains("Int32");
        assertThat(lines("'{0:N2}' -f 2.675; '{0:N0}' -f 2.5; '{0:F1}' -f 0.05; '{0,8:N1}|' -f 1234.56"))
                .containsExactly("2.68", "3", "0.1", " 1,234.6|");
    }

    @Test
    void statementsAsValuesAndLoops() {
        assertThat(lines("$x = if ($false) { 'a' } elseif ($true) { 'b' } else { 'c' }; $x; "
                + "$sq = foreach ($i in 1..3) { $i * $i }; $sq -join ','; "
                + "$n = 0; do { $n++ } while ($n -lt 3); $n; do { $n-- } until ($n -le 0); $n"))
                .containsExactly("b", "1,4,9", "3", "0");
    }

    @Test
    void stringsCollectionsAndScopes() {
        assertThat(lines("$a = @(); $a += 'x'; $a += 'y'; $a.Count; $s = 'ab'; $s += 'c'; $s; "
                + "$o = [ordered]@{ Z = 1; A = 2 }; $o.Keys -join ','; "
                + "$p = [pscustomobject]@{ Name = 'n'; Size = 1KB }; \"$($p.Name) $($p.Size)\"; "
                + "function Set-Counter { $script:count = 5 }; Set-Counter; $count; "
                + "'a-b-c' -replace '(\\w)-', '$1+'; 'cost' -replace 'cost', '$$5'; "
                + "@\"\nline $($p.Name)\n\"@; \u201Ctypographic\u201D"))
                .containsExactly("2", "abc", "Z,A", "n 1024", "5", "a+b+c", "$5", "line n", "typographic");
    }

    @Test
    void splattingAndCommonParameters() {
        assertThat(lines("function Get-It { [CmdletBinding()] param([string]$Name, [int]$Count = 1) \"$Name x$Count\" }; "
                + "$p = @{ Name = 'iso'; Count = 3 }; Get-It @p; "
                + "Write-Error 'bad' -ErrorAction SilentlyContinue -ErrorVariable ev; $ev.Count; "
                + "Write-Output 'kept' -OutVariable ov | Out-Null; $ov; "
                + "Get-Item /definitely/not/here -EA 0; $?"))
                .containsExactly("iso x3", "1", "kept", "False");
    }

    @Test
    void scriptVariablesAndHostObjects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("where.ps1");
        Files.writeString(file, "$PSScriptRoot; Split-Path $PSCommandPath -Leaf; Split-Path $MyInvocation.MyCommand.Path -Leaf");
        Path counter = dir.resolve("counter.ps1");
        Files.writeString(counter, "function Step { $script:n++; $n = 100 }\n$n = 1\nStep\nStep\n$n");
        Result r = ScriptHarness.exec("& '" + file + "'; $PSVersionTable.PSVersion.Major -ge 5; $Host.UI -ne $null; "
                + "& '" + counter + "'; $null -eq $n; $global:g = 'G'; $g");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly(dir.toString(), "where.ps1", "where.ps1", "True", "True", "3", "True", "G");
    }

    @Test
    void modulesCommandsAndNativePrograms() {
        assertThat(lines("Import-Module BitsTransfer -Force; (Get-Module BitsTransfer).Name; "
                + "(Get-Command Start-BitsTransfer).Name; (Get-Command Start-BitsTransfer).Parameters['Dynamic'] -ne $null; "
                + "$out = sh -c 'echo one; echo two; exit 3'; $out.Count; $LASTEXITCODE"))
                .containsExactly("BitsTransfer", "Start-BitsTransfer", "True", "2", "3");
    }

    @Test
    void mkdirFunctionAndCommonAliases(@TempDir Path dir) {
        String d = dir.toString().replace('\\', '/');
        assertThat(lines("mkdir '" + d + "/a/b' | Out-Null; Test-Path '" + d + "/a/b'; mkdir '" + d + "/a/b' -Force | Out-Null; "
                + "echo 'x' > '" + d + "/a/f.txt'; cat '" + d + "/a/f.txt'; gc '" + d + "/a/f.txt'; "
                + "(ls '" + d + "/a' | select -ExpandProperty Name | sort) -join ','; (dir '" + d + "/a').Count; "
                + "cp '" + d + "/a/f.txt' '" + d + "/a/g.txt'; move '" + d + "/a/g.txt' '" + d + "/a/h.txt'; "
                + "(gci '" + d + "/a' | ? { $_.Name -like '*.txt' } | % { $_.Name }) -join ','; "
                + "rm '" + d + "/a/h.txt'; Test-Path '" + d + "/a/h.txt'; cd '" + d + "'; (pwd).Path; sleep -Milliseconds 1"))
                .containsExactly("True", "x", "x", "b,f.txt", "2", "f.txt,h.txt", "False", d);
        Result again = ScriptHarness.exec("mkdir '" + d + "/a'");
        assertThat(again.err()).as("an existing folder without -Force").isNotEmpty();
    }
}
