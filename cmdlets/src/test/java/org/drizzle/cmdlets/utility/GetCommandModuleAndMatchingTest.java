package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Get-Command -Module -FullyQualifiedModule -All -ListImported -UseFuzzyMatching -UseAbbreviationExpansion -ShowCommandInfo. */
class GetCommandModuleAndMatchingTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private static List<Object> names(List<Object> infos) {
        return infos.stream().map(i -> Members.getProperty(i, "Name")).toList();
    }

    @Test
    void commandsReportPowerShellsModules() {
        Object info = host.run(cmd("Get-Command", "Get-ChildItem")).get(0);
        assertThat(Members.getProperty(info, "Source")).isEqualTo("Microsoft.PowerShell.Management");
        assertThat(Members.getProperty(info, "ModuleName")).isEqualTo("Microsoft.PowerShell.Management");
        assertThat(Members.getProperty(host.run(cmd("Get-Command", "Get-Date")).get(0), "Source"))
                .isEqualTo("Microsoft.PowerShell.Utility");
        assertThat(Members.getProperty(host.run(cmd("Get-Command", "Start-BitsTransfer")).get(0), "Source"))
                .isEqualTo("BitsTransfer");
    }

    @Test
    void moduleAndFullyQualifiedModuleFilter() {
        List<Object> archive = names(host.run(cmd("Get-Command", p("Module", new String[] {"*Archive"}))));
        assertThat(archive).containsExactlyInAnyOrder("Compress-Archive", "Expand-Archive");
        List<Object> security = names(host.run(cmd("Get-Command", p("FullyQualifiedModule",
                new Object[] {Map.of("ModuleName", "Microsoft.PowerShell.Security", "ModuleVersion", "1.0")}))));
        assertThat(security).containsExactlyInAnyOrder("ConvertFrom-SecureString", "ConvertTo-SecureString", "Get-Credential");
        assertThat(host.run(cmd("Get-Command", p("FullyQualifiedModule",
                new Object[] {Map.of("ModuleName", "BitsTransfer", "RequiredVersion", "2.0")})))).isEmpty();
        assertThat(names(host.run(cmd("Get-Command", "Get-*", p("Module", new String[] {"BitsTransfer"})))))
                .contains("Get-BitsTransfer").doesNotContain("Get-Date");
        assertThat(host.errors).isEmpty();
        assertThatThrownBy(() -> host.run(cmd("Get-Command", p("FullyQualifiedModule",
                new Object[] {Map.of("ModuleName", "BitsTransfer", "ModuleVersion", "one")}))))
                .hasMessageContaining("\"one\"").hasMessageContaining("System.Version");
        assertThatThrownBy(() -> host.run(cmd("Get-Command", p("FullyQualifiedModule", new Object[] {Map.of("Name", "x")}))))
                .hasMessageContaining("ModuleName");
    }

    @Test
    void fuzzyMatchingFindsCloseNamesClosestFirst() {
        List<Object> found = names(host.run(cmd("Get-Command", "Get-BitsTransfr", sw("UseFuzzyMatching"))));
        assertThat(found).first().isEqualTo("Get-BitsTransfer");
        assertThat(found).contains("Set-BitsTransfer").doesNotContain("Get-Date");
        assertThat(names(host.run(cmd("Get-Command", "Get-BitsTransfr", sw("UseFuzzyMatching"),
                p("FuzzyMinimumDistance", 1))))).containsExactly("Get-BitsTransfer");
        assertThat(NameMatching.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void abbreviationExpansionMatchesTheCapitals() {
        assertThat(names(host.run(cmd("Get-Command", "s-bt", sw("UseAbbreviationExpansion")))))
                .containsExactlyInAnyOrder("Set-BitsTransfer", "Start-BitsTransfer", "Suspend-BitsTransfer");
        assertThat(names(host.run(cmd("Get-Command", "s-bt", sw("UseAbbreviationExpansion"),
                p("Module", new String[] {"Microsoft.*"}))))).isEmpty();
        assertThat(names(host.run(cmd("Get-Command", "g-c*", sw("UseAbbreviationExpansion")))))
                .contains("Get-Command", "Get-Content", "Get-ChildItem", "Get-Credential").doesNotContain("Get-Date");
        assertThat(NameMatching.abbreviation("Import-PowerShellDataFile")).isEqualTo("i-psdf");
    }

    @Test
    void allFindsEveryTypeOfTheName() {
        assertThat(host.run(cmd("Get-Command", "sh"))).isEmpty();
        List<Object> all = host.run(cmd("Get-Command", "sh", sw("All")));
        assertThat(all).isNotEmpty().allSatisfy(i -> assertThat(Members.getProperty(i, "CommandType")).isEqualTo("Application"));
        List<Object> gci = host.run(cmd("Get-Command", "gci", sw("All")));
        assertThat(gci).extracting(i -> Members.getProperty(i, "CommandType")).contains("Alias");
        assertThat(names(host.run(cmd("Get-Command", "Get-Date", sw("ListImported"))))).containsExactly("Get-Date");
    }

    @Test
    void showCommandInfoDescribesTheCommand() {
        Object info = host.run(cmd("Get-Command", "Get-Date", sw("ShowCommandInfo"))).get(0);
        assertThat(Members.getProperty(info, "ModuleName")).isEqualTo("Microsoft.PowerShell.Utility");
        assertThat(Members.getProperty(info, "CommandType")).isEqualTo("Cmdlet");
        assertThat((String) Members.getProperty(info, "Definition")).contains("-DisplayHint");
    }
}
