package org.drizzle.cmdlets.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.lang.PSCustomObject;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandProcessorTest {
    static final List<String> SEEN = new ArrayList<>();

    @Cmdlet(verb = "Test", noun = "Rows", synopsis = "Records what each row bound.")
    public static class TestRows extends Command {
        @Parameter(position = 0, mandatory = true, valueFromPipelineByPropertyName = true)
        String source;
        @Parameter(position = 1, valueFromPipelineByPropertyName = true)
        String destination = "default";
        @Parameter
        String tag;

        @Override
        public void process(Object input) {
            SEEN.add(source + "->" + destination + " " + tag + " [" + parameterSetName() + "]");
        }
    }

    private static PSCustomObject row(String... kv) {
        PSCustomObject o = new PSCustomObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.setProperty(kv[i], kv[i + 1]);
        }
        return o;
    }

    @Test
    void pipelineBoundFieldsAreResetBetweenInputsAndCommandLineValuesStay(@TempDir Path dir) {
        SEEN.clear();
        TestHost host = new TestHost(dir, null);
        host.registry.register(TestRows.class);
        host.run(List.of(row("Source", "a", "Destination", "x"), row("Source", "b"), row("Other", "c")),
                TestHost.cmd("Test-Rows", TestHost.p("Tag", "t")));
        assertThat(SEEN).containsExactly("a->x t [__AllParameterSets]", "b->default t [__AllParameterSets]");
        assertThat(host.errors).singleElement().satisfies(e -> assertThat(e.errorId()).isEqualTo("InputObjectNotBound"));
    }
}
