package org.drizzle.engine.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.bandwidth.Throttle;
import org.drizzle.engine.job.AuthScheme;
import org.drizzle.engine.job.AuthTarget;
import org.drizzle.engine.job.ByteRange;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.Credential;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ProxyUsage;
import org.drizzle.engine.job.SecurityFlags;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.engine.testserver.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's HTTP options through HttpTransport: redirects, credentials, proxies, TLS, file ranges. */
class HttpOptionsTest {
    @TempDir
    Path dir;
    final FaultServer server = FaultServer.start();
    final HttpTransport transport = new HttpTransport(Throttle.UNLIMITED, Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        transport.close();
        server.close();
    }

    TestSession session(URI uri) {
        return new TestSession(uri, dir.resolve("f" + Math.abs(uri.hashCode())));
    }

    TransferException failure(TestSession s) {
        return HttpTransportTest.failure(s, transport);
    }

    // ---- redirects ----

    @Test
    void redirectsAreFollowedSilentlyByDefault() throws Exception {
        server.resource("/old").redirectTo("/new");
        Resource target = server.resource("/new").generated(5000);
        TestSession s = session(server.uri("/old"));
        transport.transfer(s);
        assertThat(s.bytes()).isEqualTo(target.content().bytes());
        assertThat(s.reportedNames).isEmpty();
    }

    @Test
    void allowAndReportMakesTheFinalUrlTheRemoteName() throws Exception {
        server.resource("/a").redirectTo("/b");
        server.resource("/b").redirectTo(server.uri("/c").toString()).redirectStatus(301);
        Resource target = server.resource("/c").generated(5000);
        TestSession s = session(server.uri("/a"));
        s.securityFlags = SecurityFlags.REDIRECT_POLICY_ALLOW_REPORT;
        transport.transfer(s);
        assertThat(s.bytes()).isEqualTo(target.content().bytes());
        assertThat(s.reportedNames).containsExactly(server.uri("/c"));
    }

    @Test
    void disallowIsFatalAndShowsWhereItPointed() {
        server.resource("/d").redirectTo("/e");
        Resource target = server.resource("/e").generated(10);
        TestSession s = session(server.uri("/d"));
        s.securityFlags = SecurityFlags.REDIRECT_POLICY_DISALLOW;
        TransferException e = failure(s);
        assertThat(e.code()).isEqualTo(ErrorCodes.HTTP_REDIRECT_FAILED);
        assertThat(e.isTransient()).isFalse();
        assertThat(s.reportedNames).containsExactly(server.uri("/e"));
        assertThat(target.requests()).isEmpty();
    }

    @Test
    void redirectLoopsFail() {
        server.resource("/loop1").redirectTo("/loop2");
        server.resource("/loop2").redirectTo("/loop1");
        TransferException e = failure(session(server.uri("/loop1")));
        assertThat(e.code()).isEqualTo(ErrorCodes.HTTP_REDIRECT_FAILED);
        assertThat(e.isTransient()).isFalse();
    }

    @Test
    void httpsToHttpNeedsItsOwnFlag() throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).start()) {
            tls.resource("/down").redirectTo(tls.httpUri("/plain").toString());
            Resource plain = tls.resource("/plain").generated(3000);
            TestSession refused = session(tls.uri("/down"));
            refused.securityFlags = SecurityFlags.IGNORE_UNKNOWN_CA;
            TransferException e = failure(refused);
            assertThat(e.code()).isEqualTo(ErrorCodes.HTTP_REDIRECT_FAILED);
            assertThat(plain.requests()).isEmpty();

            TestSession allowed = session(tls.uri("/down").resolve("/down?again"));
            allowed.securityFlags = SecurityFlags.IGNORE_UNKNOWN_CA | SecurityFlags.ALLOW_HTTPS_TO_HTTP_REDIRECT;
            transport.transfer(allowed);
            assertThat(allowed.bytes()).isEqualTo(plain.content().bytes());
        }
    }

    // ---- credentials ----

    @Test
    void basicAndDigestCredentialsAnswerChallenges() throws Exception {
        Resource basic = server.resource("/basic").generated(4000).requireBasic("alice", "pw1");
        Resource digest = server.resource("/digest").generated(4000).requireDigest("bob", "pw2");
        TestSession b = session(server.uri("/basic"));
        b.credentials = List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "pw1"));
        transport.transfer(b);
        assertThat(b.bytes()).isEqualTo(basic.content().bytes());

        TestSession d = session(server.uri("/digest"));
        d.credentials = List.of(new Credential(AuthTarget.SERVER, AuthScheme.DIGEST, "bob", "pw2"));
        transport.transfer(d);
        assertThat(d.bytes()).isEqualTo(digest.content().bytes());
        assertThat(digest.requests().get(digest.requests().size() - 1).header("Authorization")).startsWith("Digest ");
    }

    @Test
    void missingOrWrongCredentialsAre401Fatal() {
        server.resource("/locked").generated(100).requireBasic("alice", "right");
        TestSession none = session(server.uri("/locked"));
        assertThat(failure(none).code()).isEqualTo(0x80190191);
        TestSession wrong = session(server.uri("/locked?2"));
        wrong.credentials = List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "alice", "wrong"));
        TransferException e = failure(wrong);
        assertThat(e.code()).isEqualTo(0x80190191);
        assertThat(e.isTransient()).isFalse();
    }

    // ---- proxies ----

    @Test
    void overrideProxyListIsTriedInOrderAndBypassGoesDirect() throws Exception {
        Resource origin = server.resource("/via").generated(2000);
        try (FaultServer proxy = FaultServer.start()) {
            Resource proxied = proxy.resource("/via").generated(2000);
            int dead;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                dead = socket.getLocalPort();
            }
            TestSession s = session(server.uri("/via"));
            s.proxyUsage = ProxyUsage.OVERRIDE;
            s.proxyList = List.of("http://127.0.0.1:" + dead + ";127.0.0.1:" + proxy.port());
            transport.transfer(s);
            assertThat(s.bytes()).isEqualTo(proxied.content().bytes());
            assertThat(proxied.requests()).singleElement().satisfies(r -> assertThat(r.viaProxy()).isTrue());
            assertThat(origin.requests()).isEmpty();

            TestSession bypass = session(server.uri("/via?direct"));
            bypass.proxyUsage = ProxyUsage.OVERRIDE;
            bypass.proxyList = List.of("127.0.0.1:" + proxy.port());
            bypass.proxyBypass = List.of("127.0.0.*");
            transport.transfer(bypass);
            assertThat(origin.requests()).singleElement().satisfies(r -> assertThat(r.viaProxy()).isFalse());
        }
    }

    @Test
    void proxyCredentialsAnswerTheProxyNotTheServer() throws Exception {
        try (FaultServer proxy = FaultServer.start().requireProxyBasic("pxuser", "pxpass")) {
            Resource proxied = proxy.resource("/px").generated(3000);
            TestSession without = session(server.uri("/px"));
            without.proxyUsage = ProxyUsage.OVERRIDE;
            without.proxyList = List.of("127.0.0.1:" + proxy.port());
            without.credentials = List.of(new Credential(AuthTarget.SERVER, AuthScheme.BASIC, "pxuser", "pxpass"));
            TransferException e = failure(without);
            assertThat(e.code()).isEqualTo(ErrorCodes.fromHttpStatus(407));
            assertThat(e.isTransient()).isFalse();

            TestSession with = session(server.uri("/px?2"));
            with.proxyUsage = ProxyUsage.OVERRIDE;
            with.proxyList = List.of("127.0.0.1:" + proxy.port());
            with.credentials = List.of(new Credential(AuthTarget.PROXY, AuthScheme.BASIC, "pxuser", "pxpass"));
            transport.transfer(with);
            assertThat(with.bytes()).isEqualTo(proxied.content().bytes());
            assertThat(proxied.requests().get(proxied.requests().size() - 1).header("Proxy-Authorization")).startsWith("Basic ");
        }
    }

    @Test
    void proxyBypassUnderstandsLocalAndWildcards() {
        assertThat(ProxyRoutes.bypassed("intranet", List.of("<local>"))).isTrue();
        assertThat(ProxyRoutes.bypassed("example.com", List.of("<local>"))).isFalse();
        assertThat(ProxyRoutes.bypassed("a.corp.example", List.of("*.corp.example"))).isTrue();
        assertThat(ProxyRoutes.proxiesFor("https", List.of("http=p1:8080 https=p2:8443", "p3")))
                .extracting(h -> h.getHostName() + ":" + h.getPort()).containsExactly("p2:8443", "p3:80");
    }

    // ---- TLS ----

    @Test
    void serverCertificatesAreCheckedUnlessTheJobSaysOtherwise() throws Exception {
        tlsCase(TestCertificates.Kind.LOCALHOST, 0, false);
        tlsCase(TestCertificates.Kind.LOCALHOST, SecurityFlags.IGNORE_UNKNOWN_CA, true);
        tlsCase(TestCertificates.Kind.WRONG_HOST, SecurityFlags.IGNORE_UNKNOWN_CA, false);
        tlsCase(TestCertificates.Kind.WRONG_HOST, SecurityFlags.IGNORE_UNKNOWN_CA | SecurityFlags.IGNORE_CERT_CN_INVALID, true);
        tlsCase(TestCertificates.Kind.EXPIRED, SecurityFlags.IGNORE_UNKNOWN_CA, false);
        tlsCase(TestCertificates.Kind.EXPIRED, SecurityFlags.IGNORE_UNKNOWN_CA | SecurityFlags.IGNORE_CERT_DATE_INVALID, true);
    }

    private void tlsCase(TestCertificates.Kind kind, int flags, boolean succeeds) throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(kind).start()) {
            Resource r = tls.resource("/s").generated(5000);
            TestSession s = session(tls.uri("/s"));
            s.securityFlags = flags;
            if (succeeds) {
                transport.transfer(s);
                assertThat(s.bytes()).as("%s with flags %x", kind, flags).isEqualTo(r.content().bytes());
            } else {
                TransferException e = failure(s);
                assertThat(e.code()).as("%s with flags %x", kind, flags).isEqualTo(ErrorCodes.INTERNET_SECURE_FAILURE);
                assertThat(e.isTransient()).isFalse();
            }
        }
    }

    @Test
    void aClientCertificateFromPkcs12IsPresented() throws Exception {
        try (FaultServer tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).requireClientCertificate().start()) {
            Resource r = tls.resource("/mtls").generated(5000);
            TestSession without = session(tls.uri("/mtls"));
            without.securityFlags = SecurityFlags.IGNORE_UNKNOWN_CA;
            assertThat(failure(without).code()).isIn(ErrorCodes.INTERNET_SECURE_FAILURE, ErrorCodes.INTERNET_CONNECTION_RESET);

            TestSession with = session(tls.uri("/mtls?cert"));
            with.securityFlags = SecurityFlags.IGNORE_UNKNOWN_CA;
            with.certificate = new ClientCertificate(TestCertificates.pkcs12(TestCertificates.Kind.CLIENT).toString(),
                    TestCertificates.PASSWORD);
            transport.transfer(with);
            assertThat(with.bytes()).isEqualTo(r.content().bytes());
        }
    }

    // ---- file ranges ----

    @Test
    void fileRangesAreConcatenatedInOrderAndResume() throws Exception {
        Resource r = server.resource("/ranges").generated(100_000).resetAfter(3000);
        TestSession s = session(server.uri("/ranges"));
        s.ranges = List.of(new ByteRange(50_000, 10_000), new ByteRange(10, 100), new ByteRange(90_000, ByteRange.TO_EOF));
        assertThat(failure(s).isTransient()).isTrue();
        transport.transfer(s.again());
        byte[] all = r.content().bytes();
        byte[] expected = new byte[10_000 + 100 + 10_000];
        System.arraycopy(all, 50_000, expected, 0, 10_000);
        System.arraycopy(all, 10, expected, 10_000, 100);
        System.arraycopy(all, 90_000, expected, 10_100, 10_000);
        assertThat(s.bytes()).isEqualTo(expected);
        assertThat(r.requests()).extracting(q -> q.header("Range")).contains("bytes=53000-59999", "bytes=10-109", "bytes=90000-99999");
    }

    @Test
    void aRangeBeyondTheEndIsBgEInvalidRange() throws Exception {
        server.resource("/short").generated(1000);
        TestSession s = session(server.uri("/short"));
        s.ranges = List.of(new ByteRange(900, 200));
        TransferException e = failure(s);
        assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_INVALID_RANGE);
        assertThat(s.offset).isZero();
    }

    @Test
    void rangesLearnTheSizeFromAGetWhenHeadFails() throws Exception {
        Resource r = server.resource("/nohead").generated(5000).headStatus(405);
        TestSession s = session(server.uri("/nohead"));
        s.ranges = List.of(new ByteRange(100, 50));
        transport.transfer(s);
        assertThat(s.bytes()).hasSize(50);
        assertThat(r.requests()).extracting(q -> q.method() + " " + q.header("Range"))
                .containsExactly("HEAD null", "GET bytes=0-0", "GET bytes=100-149");
    }
}
