package org.drizzle.host.bitsadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bitsadmin-golden/NAME.cmd runs line by line ({@code bitsadmin ...} lines, {@code ::}
 * comments, {@code @wait STATE job} to wait for a state,
 * {@code @write FILE line|line} to write a file) against a real engine and a loopback
 * server; the normalised transcript ({@code > line}, the output, {@code [exit N]}) must equal
 * NAME.out.expected. %URL% is the server, %DIR% a fresh folder; /TRANSFER's progress lines before
 * the last pair depend on timing and show as one marker line. Run with
 * {@code -Dbitsadmin.golden.update=true} to rewrite the expected files after a deliberate change.
 */
class BitsAdminGoldenTest {
    private static final Pattern WAIT = Pattern.compile("@wait (\\S+) (.+)");
    private static final Pattern WRITE = Pattern.compile("@write (\\S+) (.*)");
    /** /TRANSFER's progress pairs before the last one depend on timing: shown as one marker line. */
    private static final Pattern EARLY_PROGRESS = Pattern.compile(
            "(?:DISPLAY: [^\n]*\nPRIORITY: [^\n]*\n)*(DISPLAY: [^\n]*\nPRIORITY: [^\n]*\n(?:Transfer complete\\.|ERROR FILE))");

    @TestFactory
    Stream<DynamicTest> goldenTranscripts(@TempDir Path tmp) throws IOException, URISyntaxException {
        List<Path> scripts = scripts();
        assertThat(scripts).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> {
            Path dir = Files.createDirectories(tmp.resolve(script.getFileName().toString().replace(".cmd", "")));
            String transcript = transcript(script, dir);
            Path expected = Path.of(script.toString().replace(".cmd", ".out.expected"));
            if (Boolean.getBoolean("bitsadmin.golden.update")) {
                Path source = Path.of("src/test/resources/bitsadmin-golden").resolve(expected.getFileName());
                Files.writeString(source, transcript, StandardCharsets.UTF_8);
            }
            assertThat(transcript).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        }));
    }

    /** Every switch of the table is exercised by some golden script. */
    @Test
    void everySwitchHasAGoldenTranscript() throws Exception {
        Set<String> used = new HashSet<>();
        for (Path script : scripts()) {
            for (String line : Files.readAllLines(script)) {
                for (String word : line.split("\\s+")) {
                    used.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Switch s : SwitchTable.all()) {
            assertThat(used).as("a golden script uses /" + s.name()).contains("/" + s.name());
        }
    }

    private static List<Path> scripts() throws IOException, URISyntaxException {
        Path dir = Path.of(BitsAdminGoldenTest.class.getResource("/bitsadmin-golden").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".cmd")).sorted().toList();
        }
    }

    private static String transcript(Path script, Path dir) throws Exception {
        StringBuilder t = new StringBuilder();
        try (FaultServer server = FaultServer.start(); BitsAdminRig rig = new BitsAdminRig(dir)) {
            server.resource("/a.bin").generated(10_000);
            server.resource("/b.bin").generated(20_000);
            server.resource("/c.bin").generated(5_000);
            String url = "http://127.0.0.1:" + server.port();
            rig.replace(dir.toString(), "%DIR%").replace(url, "%URL%").replace(" OWNER: " + Principal.current().name(), " OWNER: %USER%");
            for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("::")) {
                    continue;
                }
                String expanded = line.replace("%URL%", url).replace("%DIR%", dir.toString());
                t.append("> ").append(line).append('\n');
                Matcher write = WRITE.matcher(expanded);
                if (write.matches()) {
                    Files.writeString(Path.of(write.group(1)), write.group(2).replace("|", "\n") + "\n");
                    continue;
                }
                Matcher wait = WAIT.matcher(expanded);
                if (wait.matches()) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> state(rig, wait.group(2)).equals(wait.group(1)));
                    continue;
                }
                BitsAdminRig.Run r = rig.run(expanded);
                String user = Principal.current().name();
                String out = rig.normalise(r.out()).replace("\r\n", "\n").replace("\n" + user + "\n", "\n%USER%\n");
                t.append(EARLY_PROGRESS.matcher(out).replaceAll("<earlier progress lines>\n$1"));
                if (!r.out().endsWith("\n") && !r.out().isEmpty()) {
                    t.append("<no line end>\n");
                }
                t.append("[exit ").append(r.exitCode() == 0 ? "0" : ErrorCodes.hex(r.exitCode())).append("]\n");
            }
        }
        return t.toString();
    }

    private static String state(BitsAdminRig rig, String job) {
        JobInfo j = JobLookup.find(rig.engine(), job);
        return j.state().name();
    }
}
