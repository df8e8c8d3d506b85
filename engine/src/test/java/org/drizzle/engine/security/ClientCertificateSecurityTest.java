package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.drizzle.engine.job.SecurityFlags;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.engine.testserver.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 2 against the machine service and a real TLS server that demands a client
 * certificate (root only): a job presents only a PKCS#12 file its owner can read, never one
 * the service could read for her or one a pooled connection loaded for another user, and its
 * errors tell no more than the owner's own open of the file would (no wrong-password versus
 * missing versus not-a-certificate oracle, no bytes of the file).
 */
class ClientCertificateSecurityTest {
    static final String FLAGS = Integer.toString(SecurityFlags.IGNORE_UNKNOWN_CA);
    static final String PASSWORD = TestCertificates.PASSWORD;
    static final String GARBAGE = "ROOT-ONLY-BYTES 0123456789";
    static FilesSecurityService fx;
    static FilesSecurityService.User mallory;
    static FilesSecurityService.User bob;
    static FaultServer tls;
    static Path closedDir;
    static Path openDir;
    static byte[] pkcs12;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates users and runs the machine service");
        fx = new FilesSecurityService();
        mallory = fx.user("m");
        bob = fx.user("b");
        tls = FaultServer.builder().tls(TestCertificates.Kind.LOCALHOST).requireClientCertificate().start();
        pkcs12 = Files.readAllBytes(TestCertificates.pkcs12(TestCertificates.Kind.CLIENT));
        closedDir = rootFolder("rwx------");
        openDir = rootFolder("rwxr-xr-x");
        for (Path d : new Path[] {closedDir, openDir}) {
            rootOnly(d.resolve("client.p12"), pkcs12);
            rootOnly(d.resolve("garbage.p12"), GARBAGE.getBytes());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
        if (fx != null) {
            fx.close();
        }
        FilesSecurityService.deleteTree(closedDir);
        FilesSecurityService.deleteTree(openDir);
    }

    private static Path rootFolder(String mode) throws Exception {
        Path d = Files.createTempDirectory("drizzle-sf-cert");
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString(mode));
        return d;
    }

    private static void rootOnly(Path file, byte[] bytes) throws Exception {
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** Runs {@code user}'s download over TLS with {@code certificate}; returns the job at its end. */
    private static JsonNode fetch(FilesSecurityService.User user, Resource r, String path, Path certificate,
                                  String password) throws Exception {
        Path dest = user.home().resolve("c-" + System.nanoTime());
        String id = user.ok("download", "mtls", tls.uri(path).toString(), dest.toString(), certificate.toString(),
                password, FLAGS).asText();
        JsonNode job = user.await(id, Duration.ofSeconds(30), "ERROR", "TRANSFERRED");
        if (job.get("state").asText().equals("TRANSFERRED")) {
            user.ok("complete", id);
            assertThat(Files.readAllBytes(dest)).isEqualTo(r.content().bytes());
        } else {
            user.ok("cancel", id);
        }
        return job;
    }

    @Test
    void aRootOnlyCertificateIsNeverPresented() throws Exception {
        Resource r = tls.resource("/root-only").generated(5000);
        for (Path dir : new Path[] {closedDir, openDir}) {
            JsonNode job = fetch(mallory, r, "/root-only", dir.resolve("client.p12"), PASSWORD);
            assertThat(job.get("state").asText()).as(dir.toString()).isEqualTo("ERROR");
            assertThat(job.get("code").asText()).isEqualTo("0x80070005");
        }
        assertThat(r.requests()).as("the server never saw the root-only certificate").isEmpty();
    }

    @Test
    void theOwnersOwnCertificateIsPresented() throws Exception {
        Resource r = tls.resource("/own").generated(5000);
        Path own = mallory.home().resolve("own.p12");
        Files.write(own, pkcs12);
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rw-------"));
        new ProcessBuilder("chown", mallory.account.name() + ":", own.toString()).start().waitFor();
        assertThat(fetch(mallory, r, "/own", own, PASSWORD).get("state").asText()).isEqualTo("TRANSFERRED");
    }

    @Test
    void aPooledConnectionNeverPresentsAnotherUsersCertificate() throws Exception {
        Resource r = tls.resource("/pooled").generated(5000);
        Path bobs = bob.home().resolve("bob.p12");
        Files.write(bobs, pkcs12);
        Files.setPosixFilePermissions(bobs, PosixFilePermissions.fromString("rw-------"));
        new ProcessBuilder("chown", bob.account.name() + ":", bobs.toString()).start().waitFor();
        assertThat(fetch(bob, r, "/pooled", bobs, PASSWORD).get("state").asText()).isEqualTo("TRANSFERRED");
        long served = r.requests().size();

        JsonNode job = fetch(mallory, r, "/pooled", bobs, PASSWORD);
        assertThat(job.get("code").asText()).isEqualTo("0x80070005");
        assertThat(r.requests()).hasSize((int) served);
    }

    @Test
    void errorsTellNoMoreThanTheOwnersOwnOpen() throws Exception {
        Resource r = tls.resource("/oracle").generated(5000);
        // Behind a folder mallory cannot enter, nothing may tell these apart.
        Map<String, String> closed = new LinkedHashMap<>();
        closed.put("right password", outcome(r, closedDir, "client.p12", PASSWORD));
        closed.put("wrong password", outcome(r, closedDir, "client.p12", "wrong"));
        closed.put("not PKCS#12", outcome(r, closedDir, "garbage.p12", PASSWORD));
        closed.put("missing", outcome(r, closedDir, "missing.p12", PASSWORD));
        assertThat(closed.values()).as(closed.toString()).containsOnly(closed.get("missing"));
        assertThat(closed.get("missing")).startsWith("0x80070005 ");

        // In a folder she can list, she can tell missing from present herself; nothing more.
        Map<String, String> open = new LinkedHashMap<>();
        open.put("right password", outcome(r, openDir, "client.p12", PASSWORD));
        open.put("wrong password", outcome(r, openDir, "client.p12", "wrong"));
        open.put("not PKCS#12", outcome(r, openDir, "garbage.p12", PASSWORD));
        assertThat(open.values()).as(open.toString()).containsOnly(open.get("right password"));
        assertThat(open.get("right password")).startsWith("0x80070005 ");
        assertThat(outcome(r, openDir, "missing.p12", PASSWORD)).startsWith("0x80070002 ");

        // A file she can read: a wrong password and a file that is no certificate look alike too.
        Path mine = mallory.home().resolve("mine.p12");
        Path junk = mallory.home().resolve("junk.p12");
        Files.write(mine, pkcs12);
        Files.writeString(junk, GARBAGE);
        String wrong = outcome(r, mallory.home(), "mine.p12", "wrong");
        assertThat(outcome(r, mallory.home(), "junk.p12", PASSWORD)).isEqualTo(wrong);
        assertThat(wrong).startsWith("0x80070057 ");
        assertThat(r.requests()).isEmpty();
    }

    /** "code description" of mallory's job, with the certificate's path written as {@code <P>}. */
    private static String outcome(Resource r, Path dir, String name, String password) throws Exception {
        Path certificate = dir.resolve(name);
        JsonNode job = fetch(mallory, r, "/oracle", certificate, password);
        assertThat(job.get("state").asText()).isEqualTo("ERROR");
        String description = job.get("description").asText();
        assertThat(description).doesNotContain("java", "Exception", "ROOT-ONLY", "Tag", "tag", "password was", "keystore", "wrong");
        return job.get("code").asText() + " " + description.replace(certificate.toString(), "<P>");
    }
}
