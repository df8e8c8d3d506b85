package org.drizzle.cmdlets.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.drizzle.cmdlets.testing.TestHost.cmd;
import static org.drizzle.cmdlets.testing.TestHost.p;
import static org.drizzle.cmdlets.testing.TestHost.sw;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.SSLConnectionSocketFactoryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.drizzle.cmdlets.api.CommandException;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.testing.TestHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-BitsServer -Credential (HTTP Basic) and -CertificatePath/-CertificatePassword (HTTPS from PKCS#12). */
class StartBitsServerSecurityTest {
    private static final String PROTOCOL = "{7df0354d-249b-430f-820d-3d2a9bef4931}";

    @TempDir
    Path dir;

    @Test
    void servesHttpsAndRequiresBasicCredentials() throws Exception {
        Path p12 = keyStore("storepass1");
        Files.createDirectories(dir.resolve("inbox"));
        TestHost host = new TestHost(dir, null);
        List<Object> out = host.run(cmd("Start-BitsServer", "inbox", p("Port", 0), sw("PassThru"),
                p("Credential", new PSCredential("collector", "s3cret".toCharArray())),
                p("CertificatePath", "server.p12"), p("CertificatePassword", "storepass1")));
        RunningBitsServer server = (RunningBitsServer) out.get(0);
        try (CloseableHttpClient https = trustingClient()) {
            URI target = URI.create(server.getProperty("Url") + "app.log");
            assertThat(target.getScheme()).isEqualTo("https");
            assertThat(createSession(https, target, null)).isEqualTo(401);
            assertThat(createSession(https, target, "collector:wrong")).isEqualTo(401);
            assertThat(createSession(https, target, "collector:s3cret")).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    @Test
    void wrongCertificatePasswordIsATerminatingErrorNamingTheFile() throws Exception {
        keyStore("storepass1");
        Files.createDirectories(dir.resolve("inbox"));
        TestHost host = new TestHost(dir, null);
        assertThatThrownBy(() -> host.run(cmd("Start-BitsServer", "inbox", p("Port", 0), sw("PassThru"),
                p("CertificatePath", "server.p12"), p("CertificatePassword", "nope"))))
                .isInstanceOf(CommandException.class).hasMessageContaining("server.p12");
        assertThatThrownBy(() -> host.run(cmd("Start-BitsServer", "inbox", p("Port", 0), sw("PassThru"),
                p("CertificatePath", "missing.p12"))))
                .isInstanceOf(CommandException.class).hasMessageContaining("missing.p12");
    }

    private static int createSession(CloseableHttpClient http, URI target, String userColonPassword) throws Exception {
        ClassicRequestBuilder b = ClassicRequestBuilder.create("BITS_POST").setUri(target)
                .setHeader("BITS-Packet-Type", "Create-Session")
                .setHeader("BITS-Supported-Protocols", PROTOCOL)
                .setEntity(new ByteArrayEntity(new byte[0], null));
        if (userColonPassword != null) {
            b.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return http.execute(b.build(), r -> r.getCode());
    }

    private static CloseableHttpClient trustingClient() throws Exception {
        return HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setSSLSocketFactory(SSLConnectionSocketFactoryBuilder.create()
                        .setSslContext(SSLContextBuilder.create().loadTrustMaterial((chain, auth) -> true).build())
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE).build())
                .build()).build();
    }

    /** A self-signed PKCS#12 key store made by the JDK's keytool (a real process). */
    private Path keyStore(String password) throws Exception {
        Path p12 = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(log, StandardCharsets.UTF_8)).isZero();
        return p12;
    }
}
