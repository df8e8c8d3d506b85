package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Get-Help -Category -Component -Functionality -Role, and wildcard names, over the session's help. */
class GetHelpCategoryTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    GetHelpCategoryTest() {
        host.registry.register(CommandMetadata.forFunction("Sync-Mirror", List.of(), "", false, true, "Mirrors a share.",
                "", List.of(), new CommandMetadata.HelpSections(List.of(), List.of(), "", List.of(), "Storage", "Admin",
                        "Replication"), null));
    }

    private List<Object> names(List<Object> topics) {
        return topics.stream().map(t -> Members.getProperty(t, "Name")).toList();
    }

    private List<Object> help(Object... args) {
        return host.run(cmd("Get-Help", args));
    }

    @Test
    void categoryListsCmdletsFunctionsOrAliases() {
        List<Object> cmdlets = help("*-BitsTransfer", p("Category", new String[] {"Cmdlet"}));
        assertThat(names(cmdlets)).contains("Start-BitsTransfer", "Get-BitsTransfer").doesNotContain("Get-Date");
        assertThat(Members.getProperty(cmdlets.get(0), "Category")).isEqualTo("Cmdlet");
        assertThat(Members.getProperty(cmdlets.get(0), "Module")).isEqualTo("BitsTransfer");
        assertThat(names(help(p("Category", new String[] {"Function"})))).containsExactly("Sync-Mirror");
        List<Object> aliases = help("gci", p("Category", new String[] {"Alias"}));
        assertThat(aliases).hasSize(1);
        assertThat((String) aliases.get(0)).contains("Get-ChildItem"); // one match: its help is shown
        List<Object> allAliases = help(p("Category", new String[] {"Alias"}));
        assertThat(allAliases).extracting(t -> Members.getProperty(t, "Category")).containsOnly("Alias");
        assertThat(names(allAliases)).contains("gci");
        assertThat(help(p("Category", new String[] {"Provider"}))).isEmpty();
    }

    @Test
    void componentFunctionalityAndRoleMatchCommentHelp() {
        assertThat(names(help(p("Component", new String[] {"Stor*"})))).containsExactly("Sync-Mirror");
        assertThat(names(help(p("Functionality", new String[] {"Replication"})))).containsExactly("Sync-Mirror");
        assertThat(names(help(p("Role", new String[] {"Admin"})))).containsExactly("Sync-Mirror");
        assertThat(help(p("Role", new String[] {"Auditor"}))).isEmpty();
        assertThat(help(p("Component", new String[] {"*"}), p("Category", new String[] {"Cmdlet"}))).isEmpty();
    }

    @Test
    void aWildcardNameListsTopicsAndBadInputIsNamed() {
        assertThat(names(help("Get-Dat*"))).containsExactly("Get-Date");
        assertThat((String) help("Get-Date", p("Category", new String[] {"Cmdlet"})).get(0)).contains("SYNOPSIS");
        help("Get-Nothing", p("Category", new String[] {"Cmdlet"}));
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("Get-Nothing"));
        assertThatThrownBy(() -> help(p("Category", new String[] {"Recipe"})))
                .hasMessageContaining("Recipe").hasMessageNotContaining("java.");
    }
}
