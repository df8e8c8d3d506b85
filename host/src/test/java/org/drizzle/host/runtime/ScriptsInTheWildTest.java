package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.drizzle.host.ScriptHarness;
import org.drizzle.host.ScriptHarness.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Realistic admin scripts that use something Drizzle still does not support (see docs/compatibility.md):
 * each must fail with a clear message naming the feature, positioned at the offending line and column of
 * the script file, never a Java stack trace, and with a non-zero exit code.
 */
class ScriptsInTheWildTest {
    private static final Pattern JAVA_TRACE = Pattern.compile("\\tat [a-z]+\\.|java\\.lang\\.|org\\.drizzle\\.|Exception in thread");

    /** Each script: a help block and param() as admins write them, the unsupported line, and the work after it. */
    private static String script(String unsupported) {
        return String.join("\n",
                "<#",
                ".SYNOPSIS",
                "Fetches the driver pack with BITS.",
                "#>",
                "[CmdletBinding()]",
                "param([string]$Url = 'http://127.0.0.1:1/pack.zip', [string]$Dest = '/tmp/h13-wild-pack.zip')",
                "$ErrorActionPreference = 'Stop'",
                "Import-Module BitsTransfer",
                "    " + unsupported.replace("|", "\n    "),
                "Write-Output 'download started'");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', value = {
        // feature # the unsupported line(s) ('|' separates lines; the first is line 9) # expected message # line # column
        "class # class Downloader { [string]$Url } # The 'class' keyword is not supported # 9 # 5",
        "enum # enum Stage { Download; Verify } # The 'enum' keyword is not supported # 9 # 5",
        "data section # data { ConvertFrom-StringData 'done = Finished' } # The 'data' keyword is not supported # 9 # 5",
        "using namespace # using namespace System.Net # The 'using' keyword is not supported # 9 # 5",
        "dynamic parameters # DynamicParam { } # The 'DynamicParam' keyword is not supported # 9 # 5",
        "COM object # $shell = New-Object -ComObject Shell.Application # COM # 9 # 14",
        "scriptblock Create # $sb = [scriptblock]::Create('Get-BitsTransfer') # 'Create' # 9 # 5",
        "WinForms type # [System.Windows.Forms.MessageBox]::Show('Done') | Out-Null # Unable to find type [System.Windows.Forms.MessageBox] # 9 # 5",
        "Add-Type # Add-Type -AssemblyName System.Web # 'Add-Type' is not recognized # 9 # 5",
        "background job # $job = Start-Job -ScriptBlock { Start-BitsTransfer -Source $using:Url } # 'Start-Job' is not recognized # 9 # 12",
        "using scope # $u = $using:Url # $using: # 9 # 5",
        "certificate callback # [System.Net.ServicePointManager]::ServerCertificateValidationCallback = { $true } # ServerCertificateValidationCallback # 9 # 5",
        "regex evaluator # $name = [regex]::Replace($Url, 'w+', { $args[0].Value.ToUpper() }) # script block # 9 # 5",
        "machine environment # [Environment]::SetEnvironmentVariable('PACK', $Dest, 'Machine') # 'Machine' # 9 # 5",
        "unknown method # $n = (Split-Path $Url -Leaf).Normalize('FormC') # 'Normalize' # 9 # 11",
        "remoting # Invoke-Command -ComputerName srv1 -ScriptBlock { Get-BitsTransfer } # 'Invoke-Command' is not recognized # 9 # 5",
        "Windows services # Get-Service BITS | Start-Service # 'Get-Service' is not recognized # 9 # 5",
        "WebClient failure # $wc = New-Object System.Net.WebClient|$wc.DownloadFile($Url, $Dest) # 127.0.0.1:1 # 10 # 5",
    })
    void unsupportedFeatureFailsClearlyAtItsPosition(String feature, String line, String message, int row, int column) {
        Result r = new ScriptHarness().run(script(line), "/srv/scripts/get-pack.ps1", true, List.of());
        assertThat(r.exitCode()).as(feature + " exit code").isNotZero();
        assertThat(r.lines()).as(feature + ": nothing after the failure runs").doesNotContain("download started");
        assertThat(r.err()).as(feature + " message").contains(message);
        assertThat(r.err()).as(feature + " position")
                .containsAnyOf("/srv/scripts/get-pack.ps1:" + row + ":" + column + ":",
                        "At /srv/scripts/get-pack.ps1:" + row + " char:" + column);
        assertThat(JAVA_TRACE.matcher(r.err()).find()).as(feature + ": no Java stack trace in\n" + r.err()).isFalse();
    }
}
