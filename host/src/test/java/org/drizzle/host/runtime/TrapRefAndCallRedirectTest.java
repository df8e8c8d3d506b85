package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language pieces real scripts use that issue 15 listed last: trap, [ref], redirections of
 * function and script-block calls, $_ after a catch inside a catch, exit codes as pwsh -File,
 * $MyInvocation of a script, ShouldProcess's operation name.
 */
class TrapRefAndCallRedirectTest {
    @TempDir
    Path tmp;

    private static Result script(String text) {
        return new ScriptHarness().run(text, "/srv/scripts/job.ps1", true, List.of());
    }

    @Test
    void trapContinueDropsTheErrorAndGoesOnAfterTheFailingStatement() {
        Result r = script("function F {\n trap { \"trapped: $_\"; continue }\n 1/$null\n 'after'\n}\nF\n'end'");
        assertThat(r.lines()).containsExactly("trapped: Attempted to divide by zero.", "after", "end");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void trapWithoutContinueWritesTheErrorAndGoesOn() {
        Result r = script("trap { 'in trap' }\nthrow 'oops'\n'after'");
        assertThat(r.lines()).containsExactly("in trap", "after");
        assertThat(r.err()).contains("oops").contains("At /srv/scripts/job.ps1:2");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void trapBreakEndsTheScriptWithExitCodeOne() {
        Result r = script("trap { 'breaking'; break }\nthrow 'fatal'\n'not reached'");
        assertThat(r.lines()).containsExactly("breaking");
        assertThat(r.err()).contains("fatal");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void trapIsHoistedTypedAndScopedToItsList() {
        Result r = script("function Inner { throw 'deep' }\n'x'; Inner; 'y'\n"
                + "trap [System.DivideByZeroException] { 'div'; continue }\ntrap { \"any: $_\"; continue }\n"
                + "$z = 0; 1/$z\n'end'");
        // an error in a called function resumes after the call, in the trap's own list
        assertThat(r.lines()).containsExactly("x", "any: deep", "y", "div", "end");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void trapSeesStatementTerminatingErrorsButNotNonTerminatingOnes() {
        Result r = script("trap { \"trap: $($_.Exception.Message)\"; continue }\nGet-Item /no/such/dz-p3 -ErrorAction SilentlyContinue\n"
                + "'next'\nNo-SuchCommand-Dz\n'last'");
        assertThat(r.lines()).containsExactly("next", "trap: The term 'No-SuchCommand-Dz' is not recognized as a name of a cmdlet, "
                + "function, script file, or executable program.", "last");
    }

    @Test
    void refArgumentsChangeTheCallersVariable() {
        Result r = script("function Inc([ref]$r) { $r.Value++ }\n$x = 5; Inc ([ref]$x); Inc ([ref]$x); \"x=$x\"\n"
                + "function Set-It { param([ref]$Target, $v) $Target.Value = $v }\n$q = 1; Set-It -Target ([ref]$q) -v 'nine'; $q\n"
                + "$n = 0; [int]::TryParse('42', [ref]$n); $n; [int]::TryParse('4x', [ref]$n); $n\n"
                + "$d = 0.0; [double]::TryParse('2.5', [ref]$d) | Out-Null; $d\n"
                + "$r = [ref]10; $r.Value = 11; $r.Value; $r.GetType().FullName; $r -is [ref]");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("x=7", "nine", "True", "42", "False", "0", "2.5", "11",
                "System.Management.Automation.PSReference", "True");
    }

    @Test
    void incrementOnMembersAndIndexes() {
        Result r = script("$h = @{ n = 1 }; $h.n++; $o = [pscustomobject]@{ c = 5 }; $o.c--; $a = 1, 2; $a[1]++; "
                + "\"$($h.n) $($o.c) $($a -join ',')\"");
        assertThat(r.lines()).containsExactly("2 4 1,3");
    }

    @Test
    void redirectionsApplyToTheCommandsInsideAFunctionCall() throws Exception {
        String f = "function W { Write-Warning 'warn'; Write-Error 'err'; Write-Verbose 'verb' -Verbose; Write-Host 'host'; 'out' }\n";
        Result merged = script(f + "$a = W 3>&1 2>&1 4>&1; $a.Count; $a | ForEach-Object { $_.GetType().Name }");
        assertThat(merged.err()).isEmpty();
        assertThat(merged.lines()).containsExactly("host", "4", "WarningRecord", "ErrorRecord", "VerboseRecord", "String");
        Result verbose = script(f + "$a = W 3>&1 2>&1");
        assertThat(verbose.err()).contains("VERBOSE: verb").doesNotContain("warn").doesNotContain("err");
        Result silent = script(f + "W *> $null; 'after'");
        assertThat(silent.lines()).containsExactly("after");
        assertThat(silent.err()).isEmpty();
        Result block = script("$b = & { Write-Warning 'x'; 'y' } 3>&1; $b.Count; \"$($b[0])\"");
        assertThat(block.lines()).containsExactly("2", "x");
        Path log = tmp.resolve("err.txt");
        Result toFile = script(f + "W 2> '" + log + "' 3>$null 4>$null 6>$null");
        assertThat(toFile.lines()).containsExactly("out");
        assertThat(Files.readString(log)).contains("err");
        Result inner = script("function G { No-SuchCommand-Dz; 'g' }\n$x = G 2>&1; $x.Count");
        assertThat(inner.lines()).containsExactly("2");
        assertThat(inner.err()).isEmpty();
    }

    @Test
    void dollarUnderscoreIsRestoredAfterANestedCatch() {
        Result r = script("try { throw 'outer' } catch {\n try { throw 'inner' } catch { \"inner: $_\" }\n \"outer: $_\"\n}\n"
                + "1, 2 | ForEach-Object { try { throw 'x' } catch { }; \"item $_\" }");
        assertThat(r.lines()).containsExactly("inner: inner", "outer: outer", "item 1", "item 2");
    }

    @Test
    void exitCodesAreThoseOfPwshFile() {
        assertThat(script("throw 'boom'").exitCode()).isEqualTo(1);
        assertThat(script("$ErrorActionPreference = 'Stop'; Get-Item /no/such/dz-p3; 'no'").exitCode()).isEqualTo(1);
        assertThat(script("exit 4").exitCode()).isEqualTo(4);
        assertThat(script("function F { exit 7 }; F; 'not reached'").lines()).isEmpty();
        assertThat(script("function F { exit 7 }; F").exitCode()).isEqualTo(7);
        // a script that ran to its end exits 0 even when its last statement failed (pwsh -File)
        assertThat(script("Get-Item /no/such/dz-p3").exitCode()).isZero();
        Result nat = script("bash -c 'exit 3'; \"lec=$LASTEXITCODE\"; exit $LASTEXITCODE");
        assertThat(nat.lines()).containsExactly("lec=3");
        assertThat(nat.exitCode()).isEqualTo(3);
        // a command line keeps pwsh -Command's rule: its last statement failing is exit code 1
        assertThat(new ScriptHarness().run("Get-Item /no/such/dz-p3").exitCode()).isEqualTo(1);
    }

    @Test
    void myInvocationOfAScriptAndTheCommandInShouldProcess() {
        Result r = script("$MyInvocation.MyCommand.Name; $MyInvocation.MyCommand.Path\n"
                + "function Remove-Thing { [CmdletBinding(SupportsShouldProcess)] param($Name)\n"
                + " if ($PSCmdlet.ShouldProcess($Name)) { 'one' }; if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { 'two' }\n"
                + " if ($PSCmdlet.ShouldProcess('desc', 'warn', 'cap')) { 'three' } }\n"
                + "Remove-Thing a -WhatIf; Remove-Thing b -Confirm:$false\n"
                + "function A { param($p) \"$($PSBoundParameters.Keys) $($args.Count) $($args[1])\" }; A -p 1 x y z");
        assertThat(r.lines()).containsExactly("job.ps1", "/srv/scripts/job.ps1",
                "What if: Performing the operation \"Remove-Thing\" on target \"a\".",
                "What if: Performing the operation \"Delete\" on target \"a\".", "What if: desc", "one", "two", "three",
                "p 3 y");
    }

    @Test
    void pipelineChainOperatorsRunTheRightSideOnSuccessOrFailure() {
        Result r = script("Write-Output a && Write-Output b\nGet-Item /no/such/dz-p3 2>$null && 'not run'\n"
                + "Get-Item /no/such/dz-p3 2>$null || 'fallback'\nbash -c 'exit 1' || 'native failed'\n'x' &&\n  'continued'");
        assertThat(r.lines()).containsExactly("a", "b", "fallback", "native failed", "x", "continued");
        assertThat(r.err()).isEmpty();
    }
}
