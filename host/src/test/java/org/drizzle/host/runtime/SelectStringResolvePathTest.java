package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Select-String and Resolve-Path, which admin scripts reach for around their downloads and logs. */
class SelectStringResolvePathTest {
    @TempDir
    Path tmp;

    private final ScriptHarness host = new ScriptHarness();

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(tmp.resolve("logs"));
        Files.writeString(tmp.resolve("logs/a.log"), "one ERROR here\ntwo ok\nthree error again error\n");
        Files.writeString(tmp.resolve("logs/b.log"), "clean\n");
        host.run("Set-Location '" + tmp + "'");
    }

    private Result run(String script) {
        Result r = host.run(script);
        assertThat(r.err()).as(script).isEmpty();
        return r;
    }

    @Test
    void selectStringOnFilesAndPipedText() {
        assertThat(run("Select-String -Path ./logs/*.log -Pattern ERROR").lines())
                .containsExactly("logs/a.log:1:one ERROR here", "logs/a.log:3:three error again error");
        assertThat(run("(Select-String -Path ./logs/a.log -Pattern error -CaseSensitive).LineNumber").lines()).containsExactly("3");
        assertThat(run("'abc', 'xyz' | Select-String b; 'a.b' | sls -SimpleMatch '.'; 'q' | Select-String -NotMatch z").lines())
                .containsExactly("abc", "a.b", "q");
        assertThat(run("Get-Content ./logs/a.log | Select-String -Quiet two; 'x' | Select-String -Quiet nothing").lines())
                .containsExactly("True", "False");
        assertThat(run("(Select-String ./logs/a.log -Pattern error -AllMatches | Select-Object -Last 1).Matches.Count; "
                + "(Select-String -Path ./logs/*.log -Pattern e -List).Count; "
                + "$m = 'abc' | Select-String 'b(c)'; $m.Matches[0].Value; $m.Filename").lines())
                .containsExactly("2", "2", "bc", "InputStream");
    }

    @Test
    void resolvePathExpandsWildcardsAndReportsMissingPaths() {
        assertThat(run("(Resolve-Path ./logs/*.log).Path; Resolve-Path ./logs -Relative; (Resolve-Path -LiteralPath logs/b.log).Path")
                .lines()).containsExactly(tmp.resolve("logs/a.log").toString(), tmp.resolve("logs/b.log").toString(), "./logs",
                tmp.resolve("logs/b.log").toString());
        Result missing = host.run("Resolve-Path ./nope; 'next'");
        assertThat(missing.err()).contains("Resolve-Path: Cannot find path '" + tmp.resolve("nope") + "' because it does not exist.");
        assertThat(missing.lines()).containsExactly("next");
    }
}
