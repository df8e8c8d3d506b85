package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** The host's own session commands: Set-StrictMode, New-Object, Import-Module, Invoke-Expression. */
class SessionCommandsTest {

    @Test
    void strictModeTurnsMissingPropertyReadsIntoErrors() {
        Result r = ScriptHarness.exec("$o = [pscustomobject]@{ Name = 'n' }; $o.Nope -eq $null; Set-StrictMode -Version Latest; "
                + "$o.Name; $o.Nope; 'next'; Set-StrictMode -Off; $o.Nope -eq $null");
        assertThat(r.lines()).containsExactly("True", "n", "next", "True");
        assertThat(r.err()).contains("The property 'Nope' cannot be found on this object");
    }

    @Test
    void strictModeVersionOneRejectsUnsetVariables() {
        Result r = ScriptHarness.exec("Set-StrictMode -Version 1.0; $defined = $null; $defined -eq $null; $typo; 'next'; "
                + "switch (1) { 1 { 'switch works' } }");
        assertThat(r.lines()).containsExactly("True", "next", "switch works");
        assertThat(r.err()).contains("The variable '$typo' cannot be retrieved because it has not been set.");
    }

    @Test
    void newObjectImportModuleAndInvokeExpression() {
        Result r = ScriptHarness.exec("Import-Module BitsTransfer -Force; $o = New-Object PSObject -Property @{ A = 1 }; $o.A; "
                + "$sw = New-Object System.Diagnostics.Stopwatch; $sw.IsRunning; Invoke-Expression '$z = 2; $z * 21'; $z");
        assertThat(r.lines()).containsExactly("1", "False", "42", "2");
        assertThat(r.err()).isEmpty();
        assertThat(ScriptHarness.exec("Import-Module NoSuchModule").err()).contains("'NoSuchModule' was not loaded");
        assertThat(ScriptHarness.exec("New-Object System.Net.Sockets.TcpClient").err()).contains("System.Net.Sockets.TcpClient");
    }
}
