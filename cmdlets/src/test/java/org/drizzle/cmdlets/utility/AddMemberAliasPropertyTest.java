package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.lang.PSObjectView;
import org.drizzle.cmdlets.lang.RuntimeType;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Add-Member -MemberType AliasProperty with -SecondValue (the type the alias converts to). */
class AddMemberAliasPropertyTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private PSCustomObject file() {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Length", "42");
        return o;
    }

    @Test
    void anAliasReadsAndWritesItsTargetConverted() {
        PSCustomObject o = file();
        host.run(cmd("Add-Member", p("InputObject", o), p("MemberType", "AliasProperty"), p("Name", "Size"),
                p("Value", "Length"), p("SecondValue", new RuntimeType("System.Int32"))));
        assertThat(Members.getProperty(o, "Size")).isEqualTo(42);
        assertThat(Members.getProperty(o, "Length")).isEqualTo("42");
        Members.setProperty(o, "Size", "7");
        assertThat(Members.getProperty(o, "Length")).isEqualTo("7");
        assertThat(Members.getProperty(o, "Size")).isEqualTo(7);
        assertThat(o.memberType("Size")).isEqualTo("AliasProperty");
        assertThat(o.propertyNames()).containsExactly("Length", "Size");
        assertThat(o.toString()).isEqualTo("@{Length=7; Size=7}");
        Object props = new PSObjectView(o).getProperty("Properties");
        assertThat(Members.getProperty(props, "MemberType")).isEqualTo(List.of("NoteProperty", "AliasProperty"));
    }

    @Test
    void withoutSecondValueTheAliasKeepsTheValueAsItIs() {
        PSCustomObject o = file();
        host.run(cmd("Add-Member", p("InputObject", o), p("MemberType", "AliasProperty"), p("Name", "Bytes"),
                p("Value", "Length")));
        assertThat(Members.getProperty(o, "Bytes")).isEqualTo("42");
    }

    @Test
    void badInputIsNamed() {
        PSCustomObject o = file();
        assertThatThrownBy(() -> host.run(cmd("Add-Member", p("InputObject", o), p("MemberType", "AliasProperty"),
                p("Name", "Size"), p("Value", "Length"), p("SecondValue", "NoSuchType"))))
                .hasMessageContaining("Unable to find type [NoSuchType]");
        assertThatThrownBy(() -> host.run(cmd("Add-Member", p("InputObject", o), p("MemberType", "NoteProperty"),
                p("Name", "Size"), p("Value", 1), p("SecondValue", "int"))))
                .hasMessageContaining("SecondValue parameter is not necessary");
        assertThatThrownBy(() -> host.run(cmd("Add-Member", p("InputObject", o), p("MemberType", "AliasProperty"),
                p("Name", "Length"), p("Value", "Size"))))
                .hasMessageContaining("already exists");
        assertThat(Members.getProperty(o, "Length")).isEqualTo("42");
    }
}
