package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;

/** Native programs: output captured as lines, $LASTEXITCODE and $?, 2>$null. */
class NativeCommandTest {

    @Test
    void outputLinesExitCodeAndQuestionMark() {
        Result r = ScriptHarness.exec("$v = /bin/sh -c 'echo one; echo two'; $v.Count; $v[1]; "
                + "/bin/sh -c 'echo oops >&2; exit 3' 2>$null; \"code=$LASTEXITCODE ok=$?\"; & /bin/sh -c 'exit 0'; $?");
        assertThat(r.lines()).containsExactly("2", "two", "code=3 ok=False", "True");
        assertThat(r.err()).doesNotContain("oops");
    }

    @Test
    void sessionEnvironmentReachesNativeProgramsAndNullRemovesAVariable() {
        Result r = ScriptHarness.exec("$env:DRIZZLE_NATIVE_T = 'set'; $a = /usr/bin/printenv DRIZZLE_NATIVE_T; "
                + "$env:DRIZZLE_NATIVE_T = $null; $b = /usr/bin/printenv DRIZZLE_NATIVE_T; \"[$a] [$b] code=$LASTEXITCODE\"");
        assertThat(r.lines()).containsExactly("[set] [] code=1");
    }

    @Test
    void startProcessSeesTheScriptsEnvironment() throws Exception {
        java.nio.file.Path out = java.nio.file.Files.createTempFile("drizzle-sp", ".txt");
        try {
            Result r = ScriptHarness.exec("$env:DRIZZLE_SP_T = 'from-script'; Start-Process -FilePath /usr/bin/printenv "
                    + "-ArgumentList DRIZZLE_SP_T -RedirectStandardOutput '" + out + "' -Wait; 'done'");
            assertThat(r.lines()).containsExactly("done");
            assertThat(java.nio.file.Files.readString(out).trim()).isEqualTo("from-script");
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }
}
