package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** Where-Object's simplified -Is / -IsNot: the property's type against a type name. */
class WhereObjectIsTest {
    private static PSCustomObject item(Object size) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Size", size);
        return o;
    }

    @Test
    void isAndIsNotTestThePropertysType() {
        TestHost host = new TestHost(Path.of("."), null);
        PSCustomObject text = item("12");
        PSCustomObject number = item(12);
        PSCustomObject none = item(null);
        List<Object> in = List.of(text, number, none);
        assertThat(host.run(in, cmd("Where-Object", "Size", "string", sw("Is")))).containsExactly(text);
        assertThat(host.run(in, cmd("Where-Object", "Size", "[int]", sw("Is")))).containsExactly(number);
        assertThat(host.run(in, cmd("Where-Object", "Size", "System.Int32", sw("IsNot")))).containsExactly(text, none);
    }

    @Test
    void anUnknownTypeIsAnErrorNamingIt() {
        TestHost host = new TestHost(Path.of("."), null);
        assertThatThrownBy(() -> host.run(List.of(item(1)), cmd("Where-Object", "Size", "Nope.Type", sw("Is"))))
                .hasMessageContaining("Unable to find type [Nope.Type]");
    }
}
