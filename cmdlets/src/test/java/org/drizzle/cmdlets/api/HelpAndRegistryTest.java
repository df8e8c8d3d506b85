package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.Map;
import org.drizzle.cmdlets.bits.GetBitsTransferCommand;
import org.drizzle.cmdlets.bits.StartBitsTransferCommand;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpAndRegistryTest {
    @TempDir
    Path dir;

    @Test
    void registryFindsCommandsAndAliasesCaseInsensitively() {
        CommandRegistry r = CommandRegistry.builtIn();
        assertThat(r.find("start-bitstransfer")).get().extracting(CommandMetadata::name).isEqualTo("Start-BitsTransfer");
        assertThat(r.find("%")).get().extracting(CommandMetadata::name).isEqualTo("ForEach-Object");
        assertThat(r.find("?")).get().extracting(CommandMetadata::name).isEqualTo("Where-Object");
        assertThat(r.newInstance("ft")).isNotSameAs(r.newInstance("ft"));
        assertThatThrownBy(() -> r.require("Get-BitsTransfr"))
                .hasMessageContaining("'Get-BitsTransfr' is not recognized").hasMessageContaining("Did you mean Get-BitsTransfer?");
    }

    @Test
    void syntaxHasOneLinePerParameterSet() {
        assertThat(HelpWriter.syntax(CommandMetadata.of(GetBitsTransferCommand.class))).containsExactly(
                "Get-BitsTransfer [[-Name] <String[]>] [-AllUsers] [<CommonParameters>]",
                "Get-BitsTransfer [-JobId] <Guid[]> [<CommonParameters>]");
        String start = HelpWriter.syntax(CommandMetadata.of(StartBitsTransferCommand.class)).get(0);
        assertThat(start).startsWith("Start-BitsTransfer [-Source] <String[]> [[-Destination] <String[]>]")
                .contains("[-Priority <Priority>]").contains("[-TransferType {Download | Upload | UploadReply}]")
                .contains("[-Asynchronous]").endsWith("[-WhatIf] [-Confirm] [<CommonParameters>]");
    }

    @Test
    void getHelpShowsSynopsisParametersAndExamples() {
        TestHost host = new TestHost(dir, null);
        String help = (String) host.run(cmd("Get-Help", "Start-BitsTransfer", sw("Full"))).get(0);
        assertThat(help).contains("SYNOPSIS\n    Creates a BITS transfer job.")
                .contains("-Priority <Priority>").contains("Valid values: Foreground, High, Normal, Low")
                .contains("EXAMPLE 1").contains("Import-Csv filelist.txt | Start-BitsTransfer").doesNotContain("REMARKS");
        String brief = (String) host.run(cmd("Get-Help", "Start-BitsTransfer")).get(0);
        assertThat(brief).contains("SYNOPSIS\n    Creates a BITS transfer job.").contains("SYNTAX\n    Start-BitsTransfer [-Source]")
                .contains("DESCRIPTION").doesNotContain("PARAMETERS").doesNotContain("EXAMPLE 1")
                .endsWith("REMARKS\n    To see the examples, type: \"Get-Help Start-BitsTransfer -Examples\"\n"
                        + "    For more information, type: \"Get-Help Start-BitsTransfer -Detailed\"\n"
                        + "    For technical information, type: \"Get-Help Start-BitsTransfer -Full\"\n\n");
        String detailed = (String) host.run(cmd("Get-Help", "Start-BitsTransfer", sw("Detailed"))).get(0);
        assertThat(detailed).contains("PARAMETERS\n").contains("    -Source <String[]>\n        ").contains("EXAMPLE 1")
                .doesNotContain("Required?");
        String examples = (String) host.run(cmd("Get-Help", "Start-BitsTransfer", sw("Examples"))).get(0);
        assertThat(examples).startsWith("NAME\n    Start-BitsTransfer\n\nSYNOPSIS\n").contains("EXAMPLE 1")
                .doesNotContain("SYNTAX").doesNotContain("PARAMETERS");
        String param = (String) host.run(cmd("help", "Start-BitsTransfer", p("Parameter", "Dest"))).get(0);
        assertThat(param).startsWith("    -Destination <String[]>").contains("Position?                    1")
                .contains("True (ByPropertyName)");
    }

    @Test
    void everyBuiltInCommandHasASynopsisAndValidMetadata() {
        for (CommandMetadata m : CommandRegistry.builtIn().commands()) {
            assertThat(m.synopsis()).as(m.name()).isNotBlank();
            assertThat(HelpWriter.help(m)).contains(m.name());
            assertThat(m.newInstance()).isNotNull();
        }
    }

    @Test
    void getCommandListsAndExposesParameters() {
        TestHost host = new TestHost(dir, null);
        assertThat(host.run(cmd("Get-Command", "*-BitsTransfer")).stream().map(Object::toString))
                .contains("Start-BitsTransfer", "Get-BitsTransfer", "Remove-BitsTransfer");
        Object info = host.run(cmd("gcm", "Start-BitsTransfer")).get(0);
        assertThat(Members.getProperty(info, "Name")).isEqualTo("Start-BitsTransfer");
        assertThat(((Map<?, ?>) Members.getProperty(info, "Parameters")).containsKey("dynamic")).isTrue();
        host.run(cmd("Get-Command", "No-Such"));
        assertThat(host.errors).hasSize(1);
    }
}
