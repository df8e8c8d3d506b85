package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's file parameters: -LiteralPath, -Encoding, -Force, -NoClobber, a lone '.' as a path, ShouldProcess forms. */
class FileParametersTest {
    @TempDir
    Path tmp;

    private Result run(String script) {
        ScriptHarness r = new ScriptHarness();
        r.run("Set-Location '" + tmp + "'");
        return r.run(script);
    }

    @Test
    void literalPathsEncodingsAndForce() throws Exception {
        Files.writeString(tmp.resolve("report[1].txt"), "one\ntwo\n");
        Result r = run("Get-Content -LiteralPath ./report[1].txt -Raw; (Get-Content -LP 'report[1].txt').Count; "
                + "Test-Path -LiteralPath 'report[1].txt'; (Get-ChildItem -Path . -Filter *.txt).Name; "
                + "Set-Content -LiteralPath u.txt -Value 'né' -Encoding unicode; Get-Content u.txt -Encoding unicode; "
                + "Set-Content b.txt 'x' -Encoding utf8BOM; (Get-Content b.txt -Raw).Length; "
                + "'x' | Out-File n.txt; 'y' | Out-File n.txt -NoClobber");
        assertThat(r.lines()).containsExactly("one", "two", "2", "True", "report[1].txt", "né", "2");
        assertThat(r.err()).contains("already exists");
        byte[] u = Files.readAllBytes(tmp.resolve("u.txt"));
        assertThat(u[0]).isEqualTo((byte) 0xFF);
        assertThat(u[1]).isEqualTo((byte) 0xFE);
        byte[] b = Files.readAllBytes(tmp.resolve("b.txt"));
        assertThat(b[0]).isEqualTo((byte) 0xEF);
        assertThat(run("Set-Content x.txt 'a' -Encoding klingon").err()).contains("'klingon' is not a valid encoding");
    }

    @Test
    void shouldProcessWithThreeArgumentsAndShouldContinueWithoutATerminal() {
        String f = "function f { [CmdletBinding(SupportsShouldProcess)] param([switch]$Force) "
                + "if ($PSCmdlet.ShouldProcess('job A', 'Remove')) { 'two' }; if ($PSCmdlet.ShouldProcess('Removing job A', 'warn', 'Remove')) { 'three' }; "
                + "if ($Force -or $PSCmdlet.ShouldContinue('Remove job A?', 'Confirm')) { 'continued' } }; ";
        assertThat(run(f + "f -Force").lines()).containsExactly("two", "three", "continued");
        assertThat(run(f + "f -WhatIf -Force").lines()).containsExactly("What if: Performing the operation \"Remove\" on target \"job A\".",
                "What if: Removing job A", "continued");
        assertThat(run(f + "f").err()).contains("NonInteractive mode");
    }
}
