package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** Non-terminating vs terminating errors, try/catch/finally, $?, $Error, -ErrorAction and exit codes. */
class ErrorHandlingTest {

    @Test
    void nonTerminatingErrorGoesToStderrAndTheScriptContinues() {
        Result r = ScriptHarness.exec("Write-Error 'bad'; 'after'; $?");
        assertThat(r.lines()).containsExactly("after", "True");
        assertThat(r.err()).contains("Write-Error: bad");
        assertThat(r.exitCode()).as("the last statement succeeded").isZero();
        assertThat(ScriptHarness.exec("'x'; Write-Error 'last'").exitCode()).as("the last statement failed").isEqualTo(1);
    }

    @Test
    void errorActionStopMakesItCatchable() {
        Result r = ScriptHarness.exec("try { Write-Error 'bad' -ErrorAction Stop; 'not here' } catch { \"caught $($_.Exception.Message)\" }");
        assertThat(r.lines()).containsExactly("caught bad");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        Result p = ScriptHarness.exec("$ErrorActionPreference = 'Stop'; Write-Error 'x'; 'never'");
        assertThat(p.lines()).isEmpty();
        assertThat(p.exitCode()).isEqualTo(1);
    }

    @Test
    void silentlyContinueRecordsInErrorAndSetsQuestionMark() {
        Result r = ScriptHarness.exec("Write-Error 'quiet' -ErrorAction SilentlyContinue; $?; $Error[0].Exception.Message; $Error.Count");
        assertThat(r.lines()).containsExactly("False", "quiet", "1");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void throwTryCatchFinallyAndRethrow() {
        Result r = ScriptHarness.exec("try { try { throw 'inner' } finally { 'fin1' } } catch { \"outer saw $_\" }; "
                + "try { throw 'x' } catch { try { throw } catch { 'rethrown ' + $_.Exception.Message } }");
        assertThat(r.lines()).containsExactly("fin1", "outer saw inner", "rethrown x");
        Result typed = ScriptHarness.exec("try { [int]'abc' } catch [System.FormatException] { 'format' } catch { 'other' }");
        assertThat(typed.lines()).containsExactly("format");
    }

    @Test
    void uncaughtThrowEndsTheScriptWithItsPosition() {
        Result r = ScriptHarness.exec("'one'\nthrow 'stop here'\n'two'");
        assertThat(r.lines()).containsExactly("one");
        assertThat(r.err()).contains("stop here");
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void statementTerminatingErrorsSkipOnlyTheStatement() {
        Result r = ScriptHarness.exec("$x = 1 / 0; 'next'; Get-Nothing -X; 'last'");
        assertThat(r.lines()).containsExactly("next", "last");
        assertThat(r.err()).contains("Attempted to divide by zero").contains("'Get-Nothing' is not recognized");
        assertThat(ScriptHarness.exec("Where-Object -Bogus 1").err()).contains("Where-Object: A parameter cannot be found");
    }

    @Test
    void validationAttributesRejectBadArgumentsBeforeTheBodyRuns() {
        String f = "function T { param([ValidateRange(1, 10)][int]$N, [ValidateNotNullOrEmpty()][string]$S = 'd', "
                + "[ValidatePattern('^job')]$J) \"ran $N\" }; ";
        Result r = ScriptHarness.exec(f + "T 5; T 11; T 3 ''; T 2 x other; T 2 x jobA");
        assertThat(r.lines()).containsExactly("ran 5", "ran 2");
        assertThat(r.err()).contains("T: Cannot validate argument on parameter 'N'. The 11 argument is outside the range 1 to 10.")
                .contains("parameter 'S'. The argument is null or empty").contains("\"other\" does not match the \"^job\" pattern");
    }

    @Test
    void exitSetsTheCode() {
        assertThat(ScriptHarness.exec("'a'; exit 7; 'b'").exitCode()).isEqualTo(7);
        assertThat(ScriptHarness.exec("exit").exitCode()).isZero();
        assertThat(ScriptHarness.exec("'fine'").exitCode()).isZero();
    }

    @Test
    void parseErrorsArePositionedAndNothingRuns() {
        Result r = new ScriptHarness().run("'ran'\nif ($x { }", "s.ps1", true, java.util.List.of());
        assertThat(r.lines()).isEmpty();
        assertThat(r.err()).contains("s.ps1:2:").contains("^");
        assertThat(r.exitCode()).isEqualTo(1);
    }
}
