package org.drizzle.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process modes, each in a real child JVM (as bin/drizzle starts it). */
class MainProcessTest {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    private Run drizzle(String... args) throws IOException, InterruptedException {
        return drizzle(Map.of(), args);
    }

    private Run drizzle(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("DRIZZLE_HOME", home.resolve("drizzle").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(home.resolve("out.txt")), Files.readString(home.resolve("err.txt")));
    }

    @Test
    void versionHelpAndBadOptions() throws Exception {
        assertThat(drizzle("--version").out()).startsWith("Drizzle 0.1.0");
        Run help = drizzle("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("-Command", "-File", "-OutputFormat", "-NoProfile");
        Run bad = drizzle("-OutputFormat", "Xml", "-Command", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'Xml'");
    }

    @Test
    void commandLineCommandAndJsonOutput() throws Exception {
        Run oneShot = drizzle("Write-Output", "hello world", "-NoEnumerate");
        assertThat(oneShot.out().trim()).isEqualTo("hello world");
        Run cmd = drizzle("-command", "1..3 | Where-Object { $_ -ge 2 }");
        assertThat(cmd.out().trim().split("\\R")).containsExactly("2", "3");
        Run json = drizzle("-OutputFormat", "Json", "-Command", "[pscustomobject]@{ Name = 'a'; Size = 2 }");
        assertThat(json.out().replaceAll("\\s", "")).isEqualTo("{\"Name\":\"a\",\"Size\":2}");
    }

    @Test
    void scriptFileWithParametersAndExitCode() throws Exception {
        Path script = home.resolve("s.ps1");
        Files.writeString(script, "param([Parameter(Mandatory)][string]$Url, [int]$Times = 1)\n"
                + "foreach ($i in 1..$Times) { \"$Url #$i\" }\n\"root=$(Split-Path -Leaf $PSScriptRoot)\"\nexit 4\n");
        Run r = drizzle(script.toString(), "-Url", "http://127.0.0.1/f", "-Times", "2");
        assertThat(r.out().split("\\R")).containsExactly("http://127.0.0.1/f #1", "http://127.0.0.1/f #2",
                "root=" + home.getFileName());
        assertThat(r.code()).isEqualTo(4);
        Run viaFile = drizzle("-File", script.toString(), "-Url", "u");
        assertThat(viaFile.out()).startsWith("u #1");
    }

    @Test
    void parseErrorsShowFileLineColumnAndCaret() throws Exception {
        Path script = home.resolve("bad.ps1");
        Files.writeString(script, "'ok'\nGet-BitsTransfer | Where-Object { $_.JobState -eq 'Error'\n");
        Run r = drizzle(script.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad.ps1:2:").contains("Missing closing '}'").contains("^");
    }

    @Test
    void javaScriptFilesCallCommandsAsFunctions() throws Exception {
        Path js = home.resolve("watch.js");
        Files.writeString(js, "var r = Write_Output({InputObject: ['a', 'b']});\n"
                + "print(r.length + ' ' + r[1]);\n"
                + "var jobs = ps(\"[pscustomobject]@{ DisplayName = 'x'; JobState = 'Error' }\");\n"
                + "print(jobs[0].DisplayName + ' ' + jobs[0].jobstate);\n"
                + "var odd = pipeline([1, 2, 3], 'Where-Object', {FilterScript: ps('{ $_ % 2 -eq 1 }')[0]});\n"
                + "print(odd.join(','));\n"
                + "exit(5);\n", StandardCharsets.UTF_8);
        Run r = drizzle(js.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out().split("\\R")).containsExactly("2 b", "x Error", "1,3");
        assertThat(r.code()).isEqualTo(5);
    }

    @Test
    void serverModeServesTheRootAndNamesBadValues() throws Exception {
        Run bad = drizzle("server", "--root", home.toString(), "--port", "eighty");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("eighty");

        Files.writeString(home.resolve("hello.txt"), "hello from the BITS server");
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "server", "--root", home.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(home.resolve("server.log").toFile()).start();
        try {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + "/hello.txt");
            String body = null;
            for (int i = 0; i < 100 && body == null; i++) {
                try {
                    body = client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYetListening) {
                    Thread.sleep(200);
                }
            }
            assertThat(body).isEqualTo("hello from the BITS server");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aScriptOfLiteralCommandsRunsWithoutStartingTheCompiler() throws Exception {
        Path data = Files.writeString(home.resolve("data.txt"), "one\ntwo\n");
        Path script = Files.writeString(home.resolve("literal.ps1"),
                "Get-Content '" + data + "'\nGet-Item '" + home.resolve("missing") + "'\n");
        Path classes = home.resolve("classes.log");
        Run r = drizzle(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes), "-File", script.toString());
        assertThat(r.out().trim().split("\\R")).containsExactly("one", "two");
        assertThat(r.err()).contains("At " + script + ":2 char:1");
        assertThat(r.code()).isZero();
        assertThat(Files.readString(classes)).contains("org.drizzle.host.runtime.ConstantPipelines").doesNotContain("nashorn");
        // One variable and the script goes through the compiler.
        Files.writeString(script, "$f = '" + data + "'\nGet-Content $f\n");
        drizzle(Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classes), "-File", script.toString());
        assertThat(Files.readString(classes)).contains("nashorn");
    }
}
