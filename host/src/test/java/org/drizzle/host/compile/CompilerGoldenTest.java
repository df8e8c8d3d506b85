package org.drizzle.host.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drizzle.host.lex.ParseException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the compiler's output, as Nashorn's own tests do: each {@code compile-golden/NAME.ps1}
 * (under src/test/resources) compiles through every phase (parse, lower, emit) to exactly
 * {@code NAME.js.expected}: the JavaScript, then a {@code // K[i] = value (Type)} line per constant;
 * a script the parser refuses pins its message instead.
 *
 * <p>After a deliberate change to the compiler, regenerate the files and review their diff:
 * {@code mvn -B -pl host -am verify -Dtest=CompilerGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Ddrizzle.golden.update=true}.
 */
class CompilerGoldenTest {
    private static final Path DIR = Path.of("src/test/resources/compile-golden");

    @TestFactory
    Stream<DynamicTest> compilerOutputIsPinned() throws IOException {
        List<Path> scripts;
        try (Stream<Path> s = Files.list(DIR)) {
            scripts = s.filter(p -> p.toString().endsWith(".ps1")).sorted().toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(10);
        boolean update = Boolean.getBoolean("drizzle.golden.update");
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            String name = script.getFileName().toString();
            String actual = compiled(Files.readString(script, StandardCharsets.UTF_8), name);
            Path expected = script.resolveSibling(name.replace(".ps1", ".js.expected"));
            if (update) {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as("%s (regenerate with -Ddrizzle.golden.update=true)", expected)
                    .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }));
    }

    private static String compiled(String source, String file) {
        try {
            CompiledScript c = JsCompiler.compile(source, file);
            StringBuilder out = new StringBuilder(c.javaScript()).append('\n');
            for (int i = 0; i < c.constants().size(); i++) {
                Object k = c.constants().get(i);
                out.append("// K[").append(i).append("] = ").append(k).append(" (").append(k.getClass().getSimpleName())
                        .append(")\n");
            }
            return out.toString();
        } catch (ParseException e) {
            return "// parse error\n" + e.getMessage().lines().map(l -> "// " + l).collect(Collectors.joining("\n")) + "\n";
        }
    }
}
