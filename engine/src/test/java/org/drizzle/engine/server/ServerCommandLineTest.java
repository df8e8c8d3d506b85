package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.transfer.TransferException;
import org.drizzle.engine.transfer.upload.BitsUploadTransportTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drizzle server} flags, including HTTPS from a PKCS#12 key store made by keytool. */
class ServerCommandLineTest {
    @TempDir
    Path tmp;

    @Test
    void flagsBecomeTheVirtualDirectorysSettings() throws Exception {
        try (BitsServer server = ServerCommandLine.build("--root", tmp.toString(), "--port", "0", "--prefix", "/logs",
                "--disable-uploads").start(); RawBits bits = new RawBits(server.baseUri())) {
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            RawBits.Reply r = bits.create("/logs/a.txt");
            assertThat(r.status()).isEqualTo(501);
            assertThat(bits.create("/other/a.txt").status()).isEqualTo(404);
        }
    }

    @Test
    void badValuesAreNamed() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ServerCommandLine.run(new String[] {"--root", tmp.toString(), "--port", "eighty"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--port 'eighty'");
        assertThatThrownBy(() -> ServerCommandLine.build("--root", tmp.resolve("missing").toString()))
                .hasMessageContaining("missing").hasMessageContaining("not a folder");
        assertThatThrownBy(() -> ServerCommandLine.build("--root", tmp.toString(), "--notification-url", "http://h/a",
                "--notification-type", "carrier-pigeon")).hasMessageContaining("carrier-pigeon");
        assertThatThrownBy(() -> ServerCommandLine.build("--port", "1")).hasMessageContaining("--root");
        assertThatThrownBy(() -> ServerCommandLine.build("--root", tmp.toString(), "--max-sessions", "0"))
                .hasMessageContaining("--max-sessions '0'").hasMessageContaining("from 1");
        assertThatThrownBy(() -> ServerCommandLine.build("--root", tmp.toString(), "--max-sessions-per-client", "lots"))
                .hasMessageContaining("--max-sessions-per-client 'lots'");
        assertThatThrownBy(() -> ServerCommandLine.build("--root", tmp.toString(), "--max-upload-size", "-1"))
                .hasMessageContaining("--max-upload-size '-1'");
    }

    @Test
    void servesHttpsFromAPkcs12KeyStore() throws Exception {
        Path store = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "bits", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (BitsServer server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/", root))
                .tls(ServerCommandLine.tls(store, "changeit")).build().start()) {
            assertThat(server.baseUri().getScheme()).isEqualTo("https");
            try (CloseableHttpClient http = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(trusting(store)).buildClassic()).build()).build()) {
                int status = http.execute(ClassicRequestBuilder.create("BITS_POST").setUri(server.baseUri().resolve("/a.txt"))
                        .setHeader("BITS-Packet-Type", "Ping").setEntity(new ByteArrayEntity(new byte[0], null)).build(),
                        r -> r.getCode());
                assertThat(status).isEqualTo(200);
            }
            TransferException untrusted = BitsUploadTransportTls.uploadWithDefaultTrust(server.baseUri().resolve("/b.txt"), tmp);
            assertThat(untrusted.code()).isEqualTo(ErrorCodes.INTERNET_SECURE_FAILURE);
        }
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
