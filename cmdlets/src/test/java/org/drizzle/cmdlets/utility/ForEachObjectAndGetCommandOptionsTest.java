package org.drizzle.cmdlets.utility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.block;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;

import java.nio.file.Path;
import java.util.List;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;

/** ForEach-Object -RemainingScripts -ArgumentList; Get-Command -CommandType -TotalCount -ParameterName -ParameterType. */
class ForEachObjectAndGetCommandOptionsTest {
    private final TestHost host = new TestHost(Path.of("."), null);

    private static List<Object> names(List<Object> infos) {
        return infos.stream().map(i -> Members.getProperty(i, "Name")).toList();
    }

    @Test
    void moreThanThreeBlocksAreBeginProcessesEnd() {
        Object b = block("'b'", in -> "b");
        Object p1 = block("\"1$_\"", in -> "1" + in);
        Object p2 = block("\"2$_\"", in -> "2" + in);
        Object e = block("'e'", in -> "e");
        assertThat(host.run(List.of("x", "y"), cmd("ForEach-Object", b, p1, p2, e)))
                .containsExactly("b", "1x", "2x", "1y", "2y", "e");
        assertThat(host.run(List.of("x"), cmd("ForEach-Object", p("Process", new Object[] {b}),
                p("RemainingScripts", new Object[] {p1, e})))).containsExactly("b", "1x", "e");
    }

    @Test
    void memberNameCallsAMethodWithTheArgumentList() {
        assertThat(host.run(List.of("a.b", "c.d"), cmd("ForEach-Object", p("MemberName", "Split"),
                p("ArgumentList", new Object[] {"."})))).containsExactly("a", "b", "c", "d");
        assertThat(host.run(List.of("abc"), cmd("ForEach-Object", "ToUpper"))).containsExactly("ABC");
        assertThat(host.run(List.of("foo,bar"), cmd("ForEach-Object", "Split", "a"))).containsExactly("foo,b", "r");
        assertThat(host.run(List.of("abc"), cmd("ForEach-Object", "Length"))).containsExactly(3);
        assertThat(host.run(List.of("abc"), cmd("ForEach-Object", "NoSuchMember"))).isEmpty();
    }

    @Test
    void getCommandByTypeCountAndParameters() {
        assertThat(names(host.run(cmd("Get-Command", "gci", p("CommandType", new String[] {"Alias"})))))
                .containsExactly("gci");
        assertThat(names(host.run(cmd("Get-Command", "*-BitsTransfer", p("TotalCount", 2))))).hasSize(2);
        List<Object> withCred = names(host.run(cmd("Get-Command", p("ParameterName", new String[] {"Credential"}))));
        assertThat(withCred).contains("Start-BitsTransfer", "Invoke-WebRequest").doesNotContain("Get-Date");
        assertThat(names(host.run(cmd("Get-Command", p("ParameterName", new String[] {"TimeoutSec"})))))
                .contains("Invoke-WebRequest", "Invoke-RestMethod");
        List<Object> byType = names(host.run(cmd("Get-Command", p("ParameterType", new String[] {"PSCredential"}))));
        assertThat(byType).contains("Start-BitsTransfer").doesNotContain("Get-Date");
        assertThat(names(host.run(cmd("Get-Command", "sh", p("CommandType", new String[] {"Application"}))))).contains("sh");
        assertThat(host.run(cmd("Get-Command", "Get-Date", p("CommandType", new String[] {"Application"})))).isEmpty();
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.message()).contains("'Get-Date' is not recognized"));
        assertThatThrownBy(() -> host.run(cmd("Get-Command", p("CommandType", new String[] {"Program"}))))
                .hasMessageContaining("Unable to match the identifier name Program");
    }
}
