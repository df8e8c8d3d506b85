package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-ChildItem's PowerShell 7 parameters on a small tree, names compared in PowerShell's order. */
class GetChildItemParametersTest {
    @TempDir
    Path tmp;

    private final ScriptHarness host = new ScriptHarness();

    @BeforeEach
    void tree() throws Exception {
        for (String f : new String[] {"1.txt", "2.log", "a/3.txt", "a/b/4.txt", ".h.txt", ".hid/5.txt", "z/debug.log", "z/app.log"}) {
            Path p = tmp.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
        host.run("Set-Location '" + tmp + "'");
    }

    private String names(String command) {
        Result r = host.run("@(" + command + ") -join ','");
        assertThat(r.err()).as(command).isEmpty();
        return r.out().trim();
    }

    @Test
    void foldersFirstThenFilesAndHiddenOnlyWithForceOrHidden() {
        assertThat(names("Get-ChildItem -Name")).isEqualTo("a,z,1.txt,2.log");
        assertThat(names("Get-ChildItem -Name -Force")).isEqualTo(".hid,a,z,.h.txt,1.txt,2.log");
        assertThat(names("Get-ChildItem -Name -Hidden")).isEqualTo(".hid,.h.txt");
        assertThat(names("gci -Name -ad")).isEqualTo("a,z");
        assertThat(names("Get-ChildItem -Name -File")).isEqualTo("1.txt,2.log");
    }

    @Test
    void recurseDepthIncludeExcludeFilter() {
        assertThat(names("Get-ChildItem -Recurse -Name")).isEqualTo("a,z,1.txt,2.log,a/b,a/3.txt,a/b/4.txt,z/app.log,z/debug.log");
        assertThat(names("Get-ChildItem -Depth 1 -Name -File")).isEqualTo("1.txt,2.log,a/3.txt,z/app.log,z/debug.log");
        assertThat(names("Get-ChildItem -Depth 0 -Name")).isEqualTo("a,z,1.txt,2.log");
        assertThat(names("Get-ChildItem -Recurse -Include *.log -Exclude debug* -Name")).isEqualTo("2.log,z/app.log");
        assertThat(names("Get-ChildItem . -Filter *.txt -Recurse -Name")).isEqualTo("1.txt,a/3.txt,a/b/4.txt");
        assertThat(names("(Get-ChildItem -Recurse -File -Force).Count")).isEqualTo("8");
    }

    @Test
    void wildcardPathsLiteralPathAndMissingPaths() throws Exception {
        Files.writeString(tmp.resolve("r[1].txt"), "x");
        assertThat(names("Get-ChildItem ./*.txt -Name")).isEqualTo("1.txt,r[1].txt");
        assertThat(names("Get-ChildItem -LiteralPath ./a -Name")).isEqualTo("b,3.txt");
        assertThat(names("(Get-ChildItem -LiteralPath 'r[1].txt').Name")).isEqualTo("r[1].txt");
        Result missing = host.run("Get-ChildItem /no/such/dz-p3; 'next'");
        assertThat(missing.err()).contains("Cannot find path '/no/such/dz-p3' because it does not exist.");
        assertThat(missing.lines()).containsExactly("next");
    }

    @Test
    void testPathTakesWildcardsAndFiltersAndRemoveItemSelectsByName() {
        assertThat(names("Test-Path ./*.log; Test-Path ./*.zip; Test-Path ./z/* -Include app*; Test-Path ./z/* -Exclude *.log; "
                + "Test-Path ./1.txt -NewerThan (Get-Date).AddHours(-1); Test-Path ./1.txt -OlderThan (Get-Date).AddHours(-1)"))
                .isEqualTo("True,False,True,False,True,False");
        host.run("Remove-Item ./a -Recurse -Include 4.*; Remove-Item ./z/* -Exclude app*");
        assertThat(names("Get-ChildItem -Recurse -Name")).isEqualTo("a,z,1.txt,2.log,a/b,a/3.txt,z/app.log");
    }

    @Test
    void copyItemSelectsByFilterIncludeAndExclude() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        host.run("Copy-Item ./z/* ./out -Include *.log -Exclude debug*; Copy-Item ./* ./out -Filter 1.* -Container");
        assertThat(names("Get-ChildItem ./out -Name")).isEqualTo("1.txt,app.log");
    }
}
