package org.drizzle.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bridge stays what generated code calls and nothing more: Java code goes through ScriptRunner. */
class ScriptRuntimeBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/org/drizzle/host");

    @Test
    void everyPublicMethodIsOneTheEmitterWritesAndSaysWhatItIs() throws IOException {
        String emitter = Files.readString(MAIN.resolve("compile/JsEmitter.java"), StandardCharsets.UTF_8);
        String bridge = Files.readString(MAIN.resolve("runtime/ScriptRuntime.java"), StandardCharsets.UTF_8);
        List<Method> methods = Arrays.stream(ScriptRuntime.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).toList();
        assertThat(methods).isNotEmpty();
        for (Method m : methods) {
            assertThat(emitter).as("JsEmitter writes rt.%s(", m.getName()).contains("rt." + m.getName() + "(");
            assertThat(bridge).as("a one-line javadoc on %s", m.getName())
                    .containsPattern("\\*/\\n    (@SuppressWarnings\\(\"unchecked\"\\)\\n    )?public [^\\n]* " + m.getName() + "\\(");
        }
        assertThat(ScriptRuntime.class.getConstructors()).as("only the runner makes one").isEmpty();
    }

    @Test
    void noJavaCodeOutsideTheRunnerUsesTheBridge() throws IOException {
        List<String> users;
        try (Stream<Path> files = Files.walk(MAIN)) {
            users = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> read(p).contains("ScriptRuntime"))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(users).containsExactly("CompiledUnit.java", "JsEmitter.java", "ScriptRunner.java", "ScriptRuntime.java");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
