package org.drizzle.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.drizzle.engine.testserver.FaultServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the idiom scripts of {@code samples/compat} (the shapes scripts in the wild use with the
 * BitsTransfer module) through the host process against a loopback server, and compares what
 * each prints with its golden {@code NN-name.expected.txt}.
 */
class CompatScriptsTest {
    private static FaultServer server;
    private static String base;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() {
        server = FaultServer.start();
        for (int i = 1; i <= 25; i++) {
            server.resource("/files/file" + i + ".bin").generated(20_000);
        }
        server.resource("/files/good.bin").generated(200_000);
        server.resource("/files/ok.bin").generated(50_000);
        server.resource("/files/big.bin").generated(3_000_000).slow(6_000_000);
        server.resource("/files/missing.bin").failAlways(404);
        server.resource("/files/nosize.bin").generated(70_000).contentLength(false).ranges(false);
        base = server.uri("/files").toString();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<Arguments> idioms() {
        return Stream.of(
                Arguments.of("01-async-poll-complete", List.of("-BaseUrl", "{base}", "-Destination", "{out}", "-Count", "25")),
                Arguments.of("02-sync-try-retry", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("03-progress-percent", List.of("-Url", "{base}/big.bin", "-Destination", "{out}/big.bin")),
                Arguments.of("05-remove-on-failure", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("06-find-existing-job", List.of("-Url", "{base}/good.bin", "-Destination", "{out}/g.bin", "-StateFile", "{out}/id.txt")),
                Arguments.of("07-resume-on-trouble", List.of("-Url", "{base}/good.bin", "-Destination", "{out}/g.bin")),
                Arguments.of("08-purge-and-audit", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("09-verify-hash", List.of("-Url", "{base}/good.bin", "-Destination", "{out}/g.bin", "-HashFile", "{out}/hashes.txt")),
                Arguments.of("10-member-enumeration", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("11-streams-and-redirection", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("12-object-model-and-types", List.of("-BaseUrl", "{base}", "-Destination", "{out}")),
                Arguments.of("13-trap-ref-and-chains", List.of("-BaseUrl", "{base}", "-Destination", "{out}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idioms")
    void idiomScriptPrintsItsGoldenOutput(String name, List<String> params) throws Exception {
        assumeTrue(HostProcess.ROOT || !name.startsWith("08-"), "needs root: idiom 8 audits with -AllUsers");
        runIdiom(name, params);
    }

    /**
     * Idiom 4: BITS refuses nosize.bin (dynamic content, no size: BG_E_MISSING_FILE_SIZE), so Invoke-WebRequest
     * fetches it; with Invoke-WebRequest preferred it does the work itself; a 404 defeats both.
     */
    @Test
    void fallbackDownloaderUsesInvokeWebRequestWhenBitsFails() throws Exception {
        HostProcess.Run r = runIdiom("04-fallback-downloader", List.of("-BaseUrl", "{base}", "-Destination", "{out}"));

        Path out = tmp.resolve("out");
        assertThat(Sha.of(out.resolve("ok.bin"))).isEqualTo(serverSha256("/files/ok.bin"));
        assertThat(Sha.of(out.resolve("nosize.bin"))).isEqualTo(serverSha256("/files/nosize.bin"));
        assertThat(Sha.of(out.resolve("ok-web.bin"))).isEqualTo(serverSha256("/files/ok.bin"));
        assertThat(out.resolve("missing.bin")).doesNotExist();
        assertThat(r.err()).contains("Bits failed for nosize.bin: The server did not return the file size.").contains("WebRequest failed for missing.bin")
                .contains("Bits failed for missing.bin");
    }

    private HostProcess.Run runIdiom(String name, List<String> params) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        writeHashes(out.resolve("hashes.txt"));
        List<String> args = new ArrayList<>(List.of("-NoProfile", HostProcess.compat().resolve(name + ".ps1").toString()));
        params.forEach(p -> args.add(p.replace("{base}", base).replace("{out}", out.toString())));

        HostProcess.Run r = new HostProcess(tmp, tmp).drizzle(args.toArray(String[]::new));

        String expected = Files.readString(HostProcess.compat().resolve(name + ".expected.txt"));
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(normalize(r.out())).as(r.all()).isEqualTo(normalize(expected));
        assertThat(r.err()).as("no Java stack trace").doesNotContain("\tat org.");
        return r;
    }

    private static String serverSha256(String path) {
        return server.resource(path).content().sha256();
    }

    private static String normalize(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** The expected digests of good.bin in every algorithm Get-FileHash offers, for idiom 9. */
    private static void writeHashes(Path file) throws Exception {
        byte[] content = server.resource("/files/good.bin").content().bytes();
        StringBuilder lines = new StringBuilder();
        String[][] algorithms = {{"SHA1", "SHA-1"}, {"SHA256", "SHA-256"}, {"SHA384", "SHA-384"}, {"SHA512", "SHA-512"}, {"MD5", "MD5"}};
        for (String[] a : algorithms) {
            lines.append(a[0]).append(' ')
                    .append(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(a[1]).digest(content))).append('\n');
        }
        Files.writeString(file, lines);
    }
}
