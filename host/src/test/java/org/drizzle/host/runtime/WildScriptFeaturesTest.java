package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the public scripts of samples/wild needed from the language and the curated .NET types. */
class WildScriptFeaturesTest {
    @TempDir
    Path tmp;

    private static List<String> lines(ScriptHarness runner, String script) {
        Result r = runner.run(script);
        assertThat(r.err()).as("stderr of: " + script).isEmpty();
        return r.lines();
    }

    private List<String> lines(String script) {
        ScriptHarness runner = new ScriptHarness();
        runner.run("Set-Location '" + tmp + "'");
        return lines(runner, script);
    }

    @Test
    void backslashIsAPathSeparatorForFileSystemPaths() {
        assertThat(lines("New-Item -ItemType Directory .\\sub -Force | Out-Null; Set-Content \".\\sub\\a.txt\" hi; "
                + "Get-Content \"$PWD\\sub\\a.txt\"; Test-Path .\\sub\\a.txt; (Get-ChildItem .\\sub).Name; Join-Path $PWD '\\sub\\a.txt'"))
                .containsExactly("hi", "True", "a.txt", tmp.resolve("sub/a.txt").toString());
        assertThat(tmp.resolve("sub/a.txt")).exists();
        assertThat(tmp.resolve("sub\\a.txt")).doesNotExist();
    }

    @Test
    void executionContextResolvesProviderPathsFromTheLocation() {
        assertThat(lines("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath('./new\\file.vhdx'); "
                + "$ExecutionContext.SessionState.Path.CurrentLocation"))
                .containsExactly(tmp.resolve("new/file.vhdx").toString(), tmp.toString());
    }

    @Test
    void pwdIsAPathInfo() {
        assertThat(lines("$PWD.Path; \"$PWD\"; $PWD.ProviderPath")).containsExactly(tmp.toString(), tmp.toString(), tmp.toString());
    }

    @Test
    void bracedEnvProviderPath() {
        assertThat(lines("$env:DZ_T = 'v'; \"${Env:\\DZ_T}/x\"; ${env:DZ_T}")).containsExactly("v/x", "v");
    }

    @Test
    void setAliasAndNewAliasReachCmdletsAndFunctions() {
        ScriptHarness r = new ScriptHarness();
        assertThat(lines(r, "function Get-Twice($x) { $x * 2 }; Set-Alias -Name tw -Value Get-Twice; tw 21; "
                + "New-Alias gl2 Get-Location; (gl2).GetType().Name -ne $null; (Get-Command tw).Name"))
                .containsExactly("42", "True", "Get-Twice");
        Result again = r.run("New-Alias tw Get-Date");
        assertThat(again.err()).contains("The alias is not allowed, because an alias with the name 'tw' already exists.");
        assertThat(lines(r, "New-Alias tw Get-Location -Force; (tw) -ne $null")).containsExactly("True");
    }

    @Test
    void fileInfoOpenDetectsAFileLockedByAnotherHolder() throws Exception {
        Path f = Files.writeString(tmp.resolve("take.mp4"), "video");
        String probe = "$f = New-Object System.IO.FileInfo '" + f + "'; try { $s = $f.Open([System.IO.FileMode]::Open, "
                + "[System.IO.FileAccess]::ReadWrite, [System.IO.FileShare]::None); $s.Close(); 'free' } catch { 'locked' }";
        assertThat(lines(probe)).containsExactly("free");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            // the same JVM holds the lock: Java reports the overlap, which reads as "in use" as another process would
            assertThat(lines(probe)).containsExactly("locked");
        }
        assertThat(lines("([System.IO.FileInfo]'" + f + "').Length; ([System.IO.DirectoryInfo]'" + tmp + "').Name"))
                .containsExactly("5", tmp.getFileName().toString());
    }

    @Test
    void stringComparisonAndEnvironmentMembersAsDotNetOnLinux() {
        assertThat(lines("'C:\\Windows'.StartsWith('c:\\win', [StringComparison]::OrdinalIgnoreCase); "
                + "'abc'.StartsWith($null, [StringComparison]::Ordinal); 'Hello'.Contains('ELL', [StringComparison]::OrdinalIgnoreCase); "
                + "'Hello'.IndexOf('LL', [System.StringComparison]::OrdinalIgnoreCase); "
                + "[Environment]::SystemDirectory.Length; [Environment]::GetFolderPath('Windows').Length"))
                .containsExactly("True", "True", "True", "2", "0", "0");
    }

    @Test
    void variablesAndSubexpressionsExpandInsideBareWords() {
        assertThat(lines("$a = 'A'; $i = 'I'; $x = [pscustomobject]@{ Name = 'N' }; "
                + "Write-Output $a\\$i\\*.* x$a\\$i f$($x.Name).log $a/$i.txt C$\\Temp `$i"))
                .containsExactly("A\\I\\*.*", "xA\\I", "fN.log", "A/I.txt", "C$\\Temp", "$i");
    }

    @Test
    void anErrorInAConditionEndsThatStatementOnly() {
        ScriptHarness r = new ScriptHarness();
        Result res = r.run("$j = $null; while ($j.JobState.ToString() -eq 'x') { 'in' }; 'after'; "
                + "if ($j.Foo.Bar()) { 'then' } else { 'else' }; foreach ($k in $j.Items.ToArray()) { $k }; 'end'");
        assertThat(res.lines()).containsExactly("after", "end");
        assertThat(res.err()).contains("You cannot call a method on a null-valued expression.");
    }

    @Test
    void forEachAndWhereObjectBlocksRunInTheCallersScope() {
        assertThat(lines("$count = 0; 1..3 | ForEach-Object { $count++ }; $count; $x = 1; 1..2 | Where-Object { $x = 5; $true } | Out-Null; $x; "
                + "function F { $o = 'first'; 1..2 | % { $o = \"item $_\" }; $o }; F; $_ = 'kept'; 1 | % { }; $_"))
                .containsExactly("3", "5", "item 2", "kept");
    }

    @Test
    void hashClassesBitConverterAndUtf8Encoding() {
        assertThat(lines("[System.BitConverter]::ToString([System.Security.Cryptography.MD5CryptoServiceProvider]::new()"
                + ".ComputeHash([System.Text.UTF8Encoding]::new().GetBytes('ab'))).Replace('-', ''); "
                + "[System.BitConverter]::ToString([byte[]](1, 171)); "
                + "([System.Security.Cryptography.SHA256]::Create().ComputeHash([System.Text.Encoding]::UTF8.GetBytes('ab'))).Count"))
                .containsExactly("187EF4436122D1CC2F40DC2B92F0EBA0", "01-AB", "32");
    }

    @Test
    void startProcessFailureShowsTheSystemReasonOnly() throws Exception {
        Path f = Files.writeString(tmp.resolve("tool.exe"), "not a program");
        ScriptHarness r = new ScriptHarness();
        Result res = r.run("Start-Process '" + f + "' -WindowStyle Hidden");
        assertThat(res.err()).contains("This command cannot be run due to the error: An error occurred trying to start process '")
                .contains("Permission denied.")
                .doesNotContain("Cannot run program").doesNotContain("error=");
    }
}
