package org.drizzle.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Each golden/NAME.ps1 runs as a script file; its stdout must equal NAME.out.expected and stderr be empty. */
class GoldenScriptTest {

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException, URISyntaxException {
        Path dir = Path.of(GoldenScriptTest.class.getResource("/golden").toURI());
        List<Path> scripts;
        try (Stream<Path> s = Files.list(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".ps1")).sorted().toList();
        }
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String source = Files.readString(script, StandardCharsets.UTF_8);
            Path expected = Path.of(script.toString().replace(".ps1", ".out.expected"));
            ScriptHarness.Result r = new ScriptHarness().run(source, script.toString(), true, List.of());
            assertThat(r.err()).as("stderr").isEmpty();
            assertThat(r.out()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }));
    }
}
