package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.host.ScriptHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Get-Help on script functions and .ps1 files: each view of their comment-based help, and generated help. */
class GetHelpTest {
    private static final String FUNCTION = """
            <#
            .SYNOPSIS
            Downloads one file.
            .DESCRIPTION
            Starts a BITS job and waits for it.
              An indented line.
            .PARAMETER Url
            Where from.
            .EXAMPLE
            PS C:\\> Get-File -Url http://x/a -Retries 2
            Fetches a, retrying twice.
            .EXAMPLE
            Get-File http://x/b
            .INPUTS
            None.
            .OUTPUTS
            System.String
            .NOTES
            Written for tests.
            .LINK
            Start-BitsTransfer
            #>
            function Get-File {
                [CmdletBinding()]
                param(
                    [Parameter(Mandatory, ValueFromPipeline)][string]$Url,
                    # How often to retry.
                    [int]$Retries = 3,
                    [switch]$Force
                )
            }
            function Get-Plain($First, $Second) { }
            """;

    @TempDir
    Path dir;

    private final ScriptHarness runner = new ScriptHarness();

    @BeforeEach
    void defineFunctions() {
        runner.run(FUNCTION);
    }

    private String help(String command) {
        ScriptHarness.Result r = runner.run(command);
        assertThat(r.err()).as(command).isEmpty();
        return r.out().replace("\r", "").stripTrailing();
    }

    @Test
    void defaultViewShowsNameSynopsisSyntaxDescriptionLinksAndRemarks() {
        assertThat(help("Get-Help Get-File")).isEqualTo("""
                NAME
                    Get-File

                SYNOPSIS
                    Downloads one file.

                SYNTAX
                    Get-File [-Url] <String> [[-Retries] <Int32>] [-Force] [<CommonParameters>]

                DESCRIPTION
                    Starts a BITS job and waits for it.
                      An indented line.

                RELATED LINKS
                    Start-BitsTransfer

                REMARKS
                    To see the examples, type: "Get-Help Get-File -Examples"
                    For more information, type: "Get-Help Get-File -Detailed"
                    For technical information, type: "Get-Help Get-File -Full\"""");
    }

    @Test
    void detailedAddsParameterDescriptionsAndExamples() {
        String detailed = help("Get-Help Get-File -Detailed");
        assertThat(detailed).contains("""
                PARAMETERS
                    -Url <String>
                        Where from.

                    -Retries <Int32>
                        How often to retry.

                    -Force [<SwitchParameter>]

                    <CommonParameters>
                """).contains("""
                    -------------------------- EXAMPLE 1 --------------------------

                    PS> Get-File -Url http://x/a -Retries 2

                    Fetches a, retrying twice.

                    -------------------------- EXAMPLE 2 --------------------------

                    PS> Get-File http://x/b
                """).doesNotContain("Required?").doesNotContain("NOTES").doesNotContain("RELATED LINKS")
                .contains("REMARKS");
    }

    @Test
    void fullAddsParameterAttributesInputsOutputsAndNotes() {
        String full = help("Get-Help Get-File -Full");
        assertThat(full).contains("""
                    -Url <String>
                        Where from.

                        Required?                    true
                        Position?                    1
                        Default value
                        Accept pipeline input?       true (ByValue)
                        Accept wildcard characters?  false

                    -Retries <Int32>
                        How often to retry.

                        Required?                    false
                        Position?                    2
                        Default value                3
                        Accept pipeline input?       false
                        Accept wildcard characters?  false
                """).contains("""
                INPUTS
                    None.

                OUTPUTS
                    System.String

                NOTES
                    Written for tests.

                    -------------------------- EXAMPLE 1 --------------------------
                """).endsWith("RELATED LINKS\n    Start-BitsTransfer").doesNotContain("REMARKS");
    }

    @Test
    void examplesViewShowsNameSynopsisAndExamplesOnly() {
        assertThat(help("Get-Help Get-File -Examples")).startsWith("NAME\n    Get-File\n\nSYNOPSIS\n    Downloads one file.\n\n")
                .contains("EXAMPLE 2").doesNotContain("SYNTAX").doesNotContain("PARAMETERS").doesNotContain("REMARKS");
    }

    @Test
    void parameterViewShowsOneParameterByNameOrPrefix() {
        assertThat(help("Get-Help Get-File -Parameter retr")).isEqualTo(String.join("\n",
                "    -Retries <Int32>",
                "        How often to retry.",
                "",
                "        Required?                    false",
                "        Position?                    2",
                "        Default value                3",
                "        Accept pipeline input?       false",
                "        Accept wildcard characters?  false"));
    }

    @Test
    void aFunctionWithoutHelpGetsGeneratedSyntaxOnlyHelp() {
        assertThat(help("Get-Help Get-Plain")).isEqualTo("""
                NAME
                    Get-Plain

                SYNTAX
                    Get-Plain [[-First] <Object>] [[-Second] <Object>]

                ALIASES
                    None

                REMARKS
                    None""");
        assertThat(help("Get-Help Get-Plain -Full")).contains("    -Second <Object>\n\n        Required?                    false\n"
                + "        Position?                    1\n");
    }

    @Test
    void aFunctionIsFoundOnlyOnceDefinedAndItsNewDefinitionReplacesTheOld() {
        ScriptHarness.Result before = runner.run("Get-Help Get-Later");
        assertThat(before.err()).contains("'Get-Later' is not recognized");
        runner.run("function Get-Later { <# .SYNOPSIS\n First. #> }");
        assertThat(help("Get-Help Get-Later")).contains("SYNOPSIS\n    First.");
        runner.run("function Get-Later { <# .SYNOPSIS\n Second. #> }");
        assertThat(help("Get-Help Get-Later")).contains("SYNOPSIS\n    Second.");
    }

    @Test
    void aScriptFileByPathIsNamedByItsFullPath() throws Exception {
        Path script = dir.resolve("fetch.ps1");
        Files.writeString(script, """
                #Requires -Version 5.1

                <#
                .SYNOPSIS
                Fetches a file.
                #>
                param(
                    # The source URL.
                    [Parameter(Mandatory)][string]$Url,
                    [string]$Destination = (Join-Path $PSScriptRoot 'out')
                )
                throw 'Get-Help must not run the script'
                """);
        String full = help("Set-Location '" + dir + "'; Get-Help ./fetch.ps1 -Full");
        assertThat(full).startsWith("NAME\n    " + script + "\n\nSYNOPSIS\n    Fetches a file.\n\n")
                .contains("SYNTAX\n    " + script + " [-Url] <String> [[-Destination] <String>] [<CommonParameters>]")
                .contains("    -Url <String>\n        The source URL.\n")
                .contains("        Default value                (Join-Path $PSScriptRoot 'out')\n");
        assertThat(help("Get-Help '" + script + "'")).contains("SYNOPSIS\n    Fetches a file.");
    }

    @Test
    void cmdletHelpStillComesFromItsDeclarations() {
        assertThat(help("Get-Help Complete-BitsTransfer")).startsWith("NAME\n    Complete-BitsTransfer\n\nSYNOPSIS\n")
                .contains("REMARKS");
        assertThat(help("help mkdir")).contains("SYNTAX\n    mkdir [-Path] <String[]> [-Force] [<CommonParameters>]");
    }
}
