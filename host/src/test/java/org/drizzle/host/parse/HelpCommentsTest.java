package org.drizzle.host.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.host.ast.CommentHelp;
import org.drizzle.host.ast.FunctionAst;
import org.drizzle.host.ast.ParameterAst;
import org.drizzle.host.ast.ScriptBlockAst;
import org.junit.jupiter.api.Test;

/** Where PowerShell finds comment-based help, and which comment blocks count as help. */
class HelpCommentsTest {
    private static ScriptBlockAst script(String src) {
        return Parser.parse(src, "t.ps1");
    }

    private static CommentHelp functionHelp(String src) {
        return script(src).end().stream().filter(FunctionAst.class::isInstance).map(FunctionAst.class::cast)
                .findFirst().orElseThrow().body().help();
    }

    private static String synopsis(CommentHelp h) {
        return h == null ? null : h.synopsis();
    }

    @Test
    void functionHelpAtTheStartOfItsBody() {
        assertThat(synopsis(functionHelp("""
                function Get-A {
                    <#
                    .SYNOPSIS
                    At the start.
                    #>
                    param($x)
                    $x
                }
                """))).isEqualTo("At the start.");
    }

    @Test
    void functionHelpAtTheEndOfItsBody() {
        assertThat(synopsis(functionHelp("""
                function Get-A {
                    param($x)
                    $x
                    # .SYNOPSIS
                    # At the end.
                }
                """))).isEqualTo("At the end.");
    }

    @Test
    void functionHelpRightAboveTheKeywordAllowsOneBlankLineButNotTwo() {
        assertThat(synopsis(functionHelp("<#\n.SYNOPSIS\nAbove.\n#>\nfunction Get-A { }\n"))).isEqualTo("Above.");
        assertThat(synopsis(functionHelp("$n = 1\n<#\n.SYNOPSIS\nAbove.\n#>\n\nfunction Get-A { }\n"))).isEqualTo("Above.");
        assertThat(functionHelp("$n = 1\n<#\n.SYNOPSIS\nToo far.\n#>\n\n\nfunction Get-A { }\n")).isNull();
    }

    @Test
    void helpAboveTheKeywordWinsOverHelpInTheBody() {
        assertThat(synopsis(functionHelp("""
                # .SYNOPSIS
                # Above.
                function Get-A {
                    <# .SYNOPSIS
                    Inside. #>
                }
                """))).isEqualTo("Above.");
    }

    @Test
    void consecutiveLineCommentsFormOneBlockAndABlankLineSplitsBlocks() {
        CommentHelp h = functionHelp("""
                function Get-A {
                    # Written by ops; not help.

                    ## .SYNOPSIS
                    ## Line comments.
                    ## .DESCRIPTION
                    ##   Second section,
                    ##     indented.
                }
                """);
        assertThat(h.synopsis()).isEqualTo("Line comments.");
        assertThat(h.description()).isEqualTo("Second section,\n  indented.");
    }

    @Test
    void aCommentRightAboveHelpWithoutABlankLineSpoilsIt() {
        assertThat(functionHelp("""
                function Get-A {
                    # Written by ops.
                    <#
                    .SYNOPSIS
                    Spoiled.
                    #>
                    $null
                }
                """)).isNull();
    }

    @Test
    void anUnknownKeywordSuchAsDotNetMakesTheBlockAPlainComment() {
        assertThat(functionHelp("""
                function Get-A {
                    <#
                    .SYNOPSIS
                    Needs the runtime.
                    .NET 4.8 or later
                    #>
                }
                """)).isNull();
        assertThat(CommentHelp.parse(List.of(".NET"))).isNull();
        assertThat(CommentHelp.parse(List.of("just text"))).isNull();
        assertThat(CommentHelp.parse(List.of("", ".notes", "lower case works"))).extracting(CommentHelp::notes)
                .isEqualTo("lower case works");
    }

    @Test
    void scriptHelpAtTheTopBeforeParamAndAfterOtherComments() {
        ScriptBlockAst s = script("""
                #Requires -Version 5.1

                <#
                .SYNOPSIS
                The script.
                .PARAMETER Url
                Where from.
                #>
                param([string]$Url)
                Write-Output $Url
                """);
        assertThat(s.help().synopsis()).isEqualTo("The script.");
        assertThat(s.help().parameters()).containsEntry("url", "Where from.");
    }

    @Test
    void scriptHelpWithinOneBlankLineOfAFirstFunctionIsThatFunctionsHelp() {
        String src = "<#\n.SYNOPSIS\nWhose?\n#>\n\nfunction Get-A { }\nGet-A\n";
        assertThat(script(src).help()).isNull();
        assertThat(synopsis(functionHelp(src))).isEqualTo("Whose?");

        String apart = "<#\n.SYNOPSIS\nThe script's.\n#>\n\n\nfunction Get-A { }\nGet-A\n";
        assertThat(synopsis(script(apart).help())).isEqualTo("The script's.");
        assertThat(functionHelp(apart)).isNull();
    }

    @Test
    void scriptHelpAtTheEnd() {
        ScriptBlockAst s = script("""
                param($x)
                Write-Output $x

                <#
                .SYNOPSIS
                At the end of the script.
                #>
                """);
        assertThat(s.help().synopsis()).isEqualTo("At the end of the script.");
    }

    @Test
    void everySectionIsRead() {
        CommentHelp h = functionHelp("""
                function Get-A {
                <#
                .SYNOPSIS
                    Short.
                .DESCRIPTION
                    Long.
                .PARAMETER Url
                    First wins.
                .PARAMETER url
                    Ignored.
                .EXAMPLE
                    PS C:\\> Get-A -Url x
                    Gets x.
                .EXAMPLE
                    Get-A y
                .INPUTS
                    None.
                .OUTPUTS
                    System.String
                .NOTES
                    Author: ops
                .LINK
                    https://example.invalid/get-a
                .LINK
                    Start-BitsTransfer
                .COMPONENT
                    BITS
                #>
                param($Url)
                }
                """);
        assertThat(h.synopsis()).isEqualTo("Short.");
        assertThat(h.description()).isEqualTo("Long.");
        assertThat(h.parameters()).containsOnlyKeys("Url").containsEntry("URL", "First wins.");
        assertThat(h.examples()).containsExactly(new CommentHelp.Example("Get-A -Url x", "Gets x."),
                new CommentHelp.Example("Get-A y", ""));
        assertThat(h.inputs()).containsExactly("None.");
        assertThat(h.outputs()).containsExactly("System.String");
        assertThat(h.notes()).isEqualTo("Author: ops");
        assertThat(h.links()).containsExactly("https://example.invalid/get-a", "Start-BitsTransfer");
    }

    @Test
    void parameterDescriptionsFromTheCommentsAroundEachParameter() {
        ScriptBlockAst s = script("""
                param(
                    # The URL to fetch.
                    [Parameter(Mandatory)]
                    [string]$Url,

                    [int]$Retries = 3 # How often.
                    ,
                    # Too far away.


                    [switch]$Force
                )
                """);
        assertThat(s.parameters()).extracting(ParameterAst::help).containsExactly("The URL to fetch.", "How often.", "");
        assertThat(s.parameters().get(1).defaultText()).isEqualTo("3");
    }
}
