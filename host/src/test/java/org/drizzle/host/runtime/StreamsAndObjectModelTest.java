package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's streams (Write-Debug, Write-Information) and object model (GetType with .NET names, Add-Member, -f $null). */
class StreamsAndObjectModelTest {
    @Test
    void getTypeGivesDotNetNamesNeverJavaOnes() {
        Result r = ScriptHarness.exec("'a'.GetType().FullName; (1).GetType().FullName; (1L).GetType().Name; @(1,2).GetType().FullName; "
                + "@{a=1}.GetType().FullName; (Get-Date).GetType().FullName; (New-TimeSpan -Seconds 3).GetType().Name; "
                + "([pscustomobject]@{A=1}).GetType().FullName; 'x'.GetType().Name; [string]'x'.GetType(); (1.5).GetType().Name; "
                + "([uri]'http://h/x').GetType().FullName; ([guid]::NewGuid()).GetType().Name; $true.GetType().Name");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("System.String", "System.Int32", "Int64", "System.Object[]", "System.Collections.Hashtable",
                "System.DateTime", "TimeSpan", "System.Management.Automation.PSCustomObject", "String", "System.String", "Double",
                "System.Uri", "Guid", "Boolean");
        assertThat(r.out()).doesNotContain("java");
    }

    @Test
    void progressActionIsACommonParameterOfFunctionsAndCmdlets() {
        Result r = ScriptHarness.exec("function F { [CmdletBinding()] param() $ProgressPreference }; "
                + "F -ProgressAction SilentlyContinue; F -proga Stop; "
                + "Write-Progress -Activity 'a' -ProgressAction SilentlyContinue; 'done'");
        assertThat(r.err()).isEmpty();
        assertThat(r.lines()).containsExactly("SilentlyContinue", "Stop", "done");
    }

    @Test
    void formatWithNullIsEmpty() {
        assertThat(ScriptHarness.exec("'[{0}]' -f $null; '[{0}|{1}]' -f $null, 2; '{0}' -f @(7)").lines())
                .containsExactly("[]", "[|2]", "7");
    }

    @Test
    void addMemberNoteProperties() {
        Result r = ScriptHarness.exec("$o = [pscustomobject]@{ A = 1 }; "
                + "$o | Add-Member -NotePropertyName B -NotePropertyValue 2 -PassThru | ConvertTo-Json -Compress; "
                + "Add-Member -InputObject $o -MemberType NoteProperty -Name C -Value 3; $o.C; "
                + "$o | Add-Member -NotePropertyMembers @{ D = 4 }; $o.D; "
                + "$o | Add-Member -NotePropertyName A -NotePropertyValue 9 -Force; $o.A; "
                + "$o | Add-Member -NotePropertyName A -NotePropertyValue 10");
        assertThat(r.lines()).containsExactly("{\"A\":1,\"B\":2}", "3", "4", "9");
        assertThat(r.err()).contains("Cannot add a member with the name \"A\" because a member with that name already exists.");
    }

    @Test
    void debugAndInformationStreamsFollowTheirSwitchesAndPreferences() {
        Result r = ScriptHarness.exec("Write-Debug 'hidden'; Write-Debug 'shown' -Debug; Write-Information 'quiet'; "
                + "Write-Information 'loud' -InformationAction Continue; $InformationPreference = 'Continue'; Write-Information 'pref'; "
                + "Write-Information 'off' -InformationAction SilentlyContinue; $DebugPreference = 'Continue'; Write-Debug 'dpref'");
        assertThat(r.out()).contains("loud").contains("pref").doesNotContain("quiet").doesNotContain("off");
        assertThat(r.out() + r.err()).contains("DEBUG: shown").contains("DEBUG: dpref").doesNotContain("hidden");
    }

    @TempDir
    Path tmp;

    @Test
    void streamRedirectionsDropMergeAndWriteFiles() throws Exception {
        ScriptHarness r = new ScriptHarness();
        r.run("Set-Location '" + tmp + "'");
        Result res = r.run("Write-Warning 'dropped' 3>$null; Write-Warning 'w' 3>&1 | ForEach-Object { \"got3: $_\" }; "
                + "Write-Verbose 'v' -Verbose 4>&1 | ForEach-Object { \"got4: $_\" }; "
                + "Write-Debug 'd' -Debug 5>&1 | ForEach-Object { \"got5: $_\" }; "
                + "Write-Information 'i' 6>&1 | ForEach-Object { \"got6: $_\" }; "
                + "Write-Error 'e' 2>&1 | ForEach-Object { \"got2: $_\" }; Write-Warning 'merged' 3>&1; "
                + "Write-Warning 'one' 3> w.log; Write-Warning 'two' 3>> w.log; "
                + "Write-Output 'out' *> all.log; Write-Error 'err' *>> all.log; Write-Warning 'gone' *>$null; Write-Error 'nothing' 2>$null");
        assertThat(res.lines()).containsExactly("got3: w", "got4: v", "got5: d", "got6: i", "got2: e", "WARNING: merged");
        assertThat(res.err()).isEmpty();
        assertThat(Files.readAllLines(tmp.resolve("w.log"))).containsExactly("one", "two");
        assertThat(Files.readAllLines(tmp.resolve("all.log"))).containsExactly("out", "Write-Error: err");
    }

    @Test
    void mergedErrorsShowDotNetExceptionNames() {
        Result r = ScriptHarness.exec("try { [int]'x' } catch { $_.Exception.GetType().FullName -like 'System.*' }; "
                + "Write-Error 'boom' 2>&1 | Format-List * | Out-String");
        assertThat(r.out()).contains("True").doesNotContain("java.");
    }

    @Test
    void everyCommonParameterIsAcceptedAndTheVariablesFill() {
        Result r = ScriptHarness.exec("Write-Output 1 -OutBuffer 10; "
                + "Write-Information 'x' -InformationVariable iv -InformationAction SilentlyContinue; \"iv: $iv\"; "
                + "Write-Warning 'w' -WarningVariable wv -WarningAction SilentlyContinue; \"wv: $wv\"; "
                + "1..3 | Write-Output -PipelineVariable pv | ForEach-Object { \"pv $pv\" }; "
                + "function f { [CmdletBinding()] param() Write-Warning 'fw'; Write-Information 'fi'; Write-Debug 'fd' }; "
                + "f -WarningAction SilentlyContinue; f -WarningAction SilentlyContinue -InformationAction Continue -Debug");
        assertThat(r.lines()).containsExactly("1", "iv: x", "wv: w", "pv 1", "pv 2", "pv 3", "fi");
        assertThat(r.err()).doesNotContain("fw").contains("DEBUG: fd");
    }
}
