package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.EngineFixture;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.JobType;
import org.drizzle.policy.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 9: custom headers with control characters, non-token names, or the framing and
 * hop-by-hop headers the client owns are refused when set, E_INVALIDARG naming the header, and
 * nothing of them ever reaches a server (a raw loopback recorder sees every byte).
 */
class OddHeadersTest {
    @TempDir
    Path dir;

    /** Each header as written (backslash escapes, see unescape), then what the refusal must say. */
    static final String[] ODD = {
            "X-Nul: a\\0b                  | 'X-Nul' contains the control character \\x00 in its value",
            "X-Del: a\\x7Fb                | 'X-Del' contains the control character \\x7F in its value",
            "X-Tab: a\\tb                  | 'X-Tab' contains the control character \\t",
            "X-Esc: \\x1B[31m              | 'X-Esc' contains the control character \\x1B",
            "X-C1: a\\x85b                 | 'X-C1' contains the control character \\x85",
            "X-Cr: a\\rInjected: 1         | 'X-Cr' contains the control character \\r",
            "X-Lf: a\\nInjected: 1         | 'X-Lf' contains the control character \\n",
            "X\\0Name: v                   | in its name",
            "Bad Name: v                   | 'Bad Name' is not a valid HTTP field name",
            "Bad(Name): v                  | 'Bad(Name)' is not a valid HTTP field name",
            "Ünïcode: v                    | 'Ünïcode' is not a valid HTTP field name",
            ": v                           | has no name",
            "no colon                      | is not of the form 'Name: value'",
            "X-Smile: \\u263A              | U+263A",
            "Host: evil.example            | 'Host' is not allowed",
            "content-length: 5             | 'content-length' is not allowed",
            "Transfer-Encoding: chunked    | 'Transfer-Encoding' is not allowed",
            "Connection: close             | 'Connection' is not allowed",
            "Keep-Alive: timeout=5         | 'Keep-Alive' is not allowed",
            "Upgrade: h2c                  | 'Upgrade' is not allowed",
            "TE: trailers                  | 'TE' is not allowed",
            "Trailer: X-Sum                | 'Trailer' is not allowed",
            "Proxy-Connection: keep-alive  | 'Proxy-Connection' is not allowed",
    };

    @Test
    void everyOddHeaderIsRefusedNamingItAndNothingOfThemIsSent() throws Exception {
        try (RawHttpRecorder server = new RawHttpRecorder(); EngineFixture engine = new EngineFixture(dir.resolve("store"))) {
            EngineClient client = engine.client();
            JobInfo job = client.createJob("odd", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
            client.addFile(job.id(), server.uri("/f").toString(), dir.resolve("f").toString(), null);
            for (String row : ODD) {
                String line = unescape(row.substring(0, row.indexOf('|')).strip());
                String expected = row.substring(row.indexOf('|') + 1).strip();
                assertThatThrownBy(() -> client.setProperties(job.id(),
                        new JobOptions().customHeaders(List.of("X-Fine: 1", line))))
                        .as(row)
                        .isInstanceOfSatisfying(BitsException.class, e -> {
                            assertThat(e.code()).as(row).isEqualTo(ErrorCodes.E_INVALIDARG);
                            assertThat(e.getMessage()).as(row).contains(expected).doesNotContain("\n", "\r", "\0");
                        });
            }
            // Each refusal left the job as it was: it runs with no custom header, the server saw none of them.
            assertThat(server.requests).isEmpty();
            client.resume(job.id());
            engine.awaitState(client, job.id(), JobState.TRANSFERRED);
            assertThat(server.requests).hasSize(1).allSatisfy(r -> assertThat(r)
                    .doesNotContain("X-Fine", "evil.example", "Injected", "h2c", "trailers", "\u0000", "\u007F"));
        }
    }

    @Test
    void validHeadersGoOutAsGivenAndBitsHeadersAreRefusedOnUploadsOnly() throws Exception {
        try (RawHttpRecorder server = new RawHttpRecorder(); EngineFixture engine = new EngineFixture(dir.resolve("store"))) {
            EngineClient client = engine.client();
            JobInfo job = client.createJob("fine", JobType.DOWNLOAD, new JobOptions().priority(Priority.FOREGROUND));
            client.addFile(job.id(), server.uri("/f").toString(), dir.resolve("f").toString(), null);
            client.setProperties(job.id(), new JobOptions().customHeaders(List.of("X-Token: abc=1; q=\"x y\"",
                    "Authorization: Bearer t0k", "BITS-Hint: download", "X-Latin1: caf\u00E9")));
            client.resume(job.id());
            engine.awaitState(client, job.id(), JobState.TRANSFERRED);
            assertThat(server.requests).singleElement().asString().contains("\r\nX-Token: abc=1; q=\"x y\"\r\n",
                    "\r\nAuthorization: Bearer t0k\r\n", "\r\nBITS-Hint: download\r\n", "\r\nX-Latin1: caf\u00E9\r\n");

            Path source = Files.writeString(dir.resolve("up.txt"), "up");
            JobInfo upload = client.createJob("up", JobType.UPLOAD, new JobOptions());
            client.addFile(upload.id(), server.uri("/up").toString(), source.toString(), null);
            assertThatThrownBy(() -> client.setProperties(upload.id(),
                    new JobOptions().customHeaders(List.of("BITS-Packet-Type: Cancel-Session"))))
                    .isInstanceOfSatisfying(BitsException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCodes.E_INVALIDARG);
                        assertThat(e.getMessage()).contains("'BITS-Packet-Type'", "upload");
                    });
        }
    }

    /** CSV text to the header: \0 \t \r \n \xHH \\uHHHH escapes. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case '0' -> out.append('\0');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'x' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }
}
