package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Get-Member -Static -Force -View and Add-Member -TypeName. */
class GetMemberAndAddMemberOptionsTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private static List<Object> names(List<Object> members) {
        return members.stream().map(m -> Members.getProperty(m, "Name")).toList();
    }

    private static PSCustomObject custom() {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Size", 1);
        return o;
    }

    @Test
    void staticListsTheTypesStaticMethodsThenProperties() {
        List<Object> members = host.run(List.of("abc"), cmd("Get-Member", sw("Static")));
        assertThat(names(members)).contains("IsNullOrEmpty", "Join", "Empty").doesNotContain("Length");
        Object isNull = members.stream().filter(m -> "IsNullOrEmpty".equals(Members.getProperty(m, "Name"))).findFirst().get();
        assertThat(Members.getProperty(isNull, "MemberType")).isEqualTo("Method");
        assertThat(Members.getProperty(isNull, "TypeName")).isEqualTo("System.String");
        assertThat(Members.getProperty(isNull, "Definition")).isEqualTo("static IsNullOrEmpty(1 arguments)");
        assertThat(names(host.run(List.of("abc"), cmd("Get-Member", "Is*", sw("Static"), p("MemberType", "Method")))))
                .containsExactly("IsNullOrEmpty", "IsNullOrWhiteSpace");
        assertThat(names(host.run(List.of("abc"), cmd("Get-Member", sw("Static"), p("MemberType", "Property")))))
                .containsExactly("Empty");
    }

    @Test
    void forceAddsTheIntrinsicMembersAndViewPicksExtendedOrAdapted() {
        assertThat(names(host.run(List.of(custom()), cmd("Get-Member")))).containsExactly("Size");
        assertThat(names(host.run(List.of(custom()), cmd("Get-Member", sw("Force"))))).containsExactly("Size", "pstypenames", "psobject");
        assertThat(names(host.run(List.of(custom()), cmd("Get-Member", p("View", new String[] {"Adapted"}))))).isEmpty();
        assertThat(names(host.run(List.of(custom()), cmd("Get-Member", p("View", new String[] {"Extended"}))))).containsExactly("Size");
        Object error = new ErrorRecord(new IllegalStateException("x"), "Id", ErrorCategory.NOT_SPECIFIED, null);
        assertThat(names(host.run(List.of(error), cmd("Get-Member", p("View", new String[] {"Extended"}))))).isEmpty();
        assertThat(names(host.run(List.of(error), cmd("Get-Member", p("View", new String[] {"All"})))))
                .contains("CategoryInfo", "FullyQualifiedErrorId");
        assertThatThrownBy(() -> host.run(List.of("abc"), cmd("Get-Member", p("View", new String[] {"Everything"}))))
                .hasMessageContaining("Unable to match the identifier name Everything");
    }

    @Test
    @SuppressWarnings("unchecked")
    void addMemberTypeNamePutsTheNameFirst() {
        PSCustomObject o = custom();
        host.run(List.of(o), cmd("Add-Member", p("TypeName", "Contoso.Download")));
        host.run(List.of(o), cmd("Add-Member", p("NotePropertyName", "Url"), p("NotePropertyValue", "http://x"),
                p("TypeName", "Contoso.Item")));
        assertThat((List<Object>) Members.getProperty(o, "PSTypeNames")).containsExactly("Contoso.Item", "Contoso.Download",
                "System.Management.Automation.PSCustomObject", "System.Object");
        assertThat((List<Object>) Members.getProperty(Members.getProperty(o, "PSObject"), "TypeNames")).startsWith("Contoso.Item");
        assertThat(Members.getProperty(o, "Url")).isEqualTo("http://x");
    }
}
