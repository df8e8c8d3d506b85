package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.drizzle.host.parse.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines of literal commands run without the compiler, with the same results as compiled code. */
class ConstantPipelinesTest {
    @TempDir
    Path dir;

    @Test
    void parenthesizedPipelinesOfLiteralCommandsStayOnTheDirectPath() {
        assertThat(ConstantPipelines.stages(Parser.parse("Write-Output (Get-Content 'a.txt') -NoEnumerate", "<t>"))).hasSize(1);
        assertThat(ConstantPipelines.stages(Parser.parse("Write-Output (Get-Content $f)", "<t>"))).isNull();
        assertThat(ConstantPipelines.stages(Parser.parse("Write-Output (1 + 2)", "<t>"))).isNull();
    }

    @Test
    void aNestedPipelineGivesWhatParenthesesGiveInCompiledCode() throws Exception {
        Path many = Files.write(dir.resolve("many.txt"), List.of("one", "two", "three"));
        Path single = Files.write(dir.resolve("single.txt"), List.of("only"));
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        for (String cmd : List.of(
                "Write-Output (Get-Content '%s') -NoEnumerate | ForEach-Object { $_.GetType().Name + ':' + $_.Count }",
                "Write-Output (Get-Content '%s') | Measure-Object | ForEach-Object Count")) {
            for (Path f : List.of(many, single, empty)) {
                String literal = String.format(cmd, f);
                // The same command with a variable is compiled: both must print the same.
                String compiled = "$f = '" + f + "'; " + literal.replace("'" + f + "'", "$f");
                Result direct = ScriptHarness.exec(literal);
                Result viaCompiler = ScriptHarness.exec(compiled);
                assertThat(direct.out()).as(literal).isEqualTo(viaCompiler.out());
                assertThat(direct.err()).as(literal).isEqualTo(viaCompiler.err());
            }
        }
    }

    @Test
    void aFailingNestedCommandReportsItsErrorOnce() {
        Result r = ScriptHarness.exec("Write-Output (Get-Content '" + dir.resolve("missing.txt") + "')");
        assertThat(r.err()).contains("missing.txt");
        assertThat(r.err().split("missing.txt", -1).length - 1).isGreaterThanOrEqualTo(1);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void aScriptFileOfLiteralCommandsRunsDirectlyWithTheCompiledScriptsOutputErrorsAndExitCode() throws Exception {
        Path data = Files.write(dir.resolve("data.txt"), List.of("x", "y"));
        Path missing = dir.resolve("missing.txt");
        String body = "Write-Output 'first'\nGet-Item '" + missing + "'\nGet-Content '" + data + "'\n"
                + "Get-Item '" + missing + "' -ErrorAction Stop\nWrite-Output 'never'\n";
        Path script = dir.resolve("s.ps1");
        assertThat(ConstantPipelines.stages(Parser.parse(body, script.toString()))).hasSize(5);
        Result direct = new ScriptHarness().run(body, script.toString(), true, List.of());
        // A trailing assignment sends the same lines through the compiler.
        Result compiled = new ScriptHarness().run(body + "$unused = 1\n", script.toString(), true, List.of());
        assertThat(direct.out()).isEqualTo(compiled.out()).contains("first").doesNotContain("never");
        assertThat(direct.err()).isEqualTo(compiled.err()).contains("At " + script + ":2 char:1", "At " + script + ":4 char:1");
        assertThat(direct.exitCode()).isEqualTo(compiled.exitCode()).isEqualTo(1);
    }
}
