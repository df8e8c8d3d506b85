package org.drizzle.engine.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool} (nothing secret is
 * checked in). Each kind is generated once per JVM into a temporary PKCS#12 file.
 */
public final class TestCertificates {
    /** Password of every generated PKCS#12 file. */
    public static final String PASSWORD = "changeit";
    private static final Map<Kind, Path> MADE = new ConcurrentHashMap<>();

    /** What is wrong (or not) with a generated certificate. */
    public enum Kind {
        /** CN=localhost, SAN localhost and 127.0.0.1; valid now; unknown CA (self-signed). */
        LOCALHOST("CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", null, 30),
        /** Names another host: fails the CN/host-name check. */
        WRONG_HOST("CN=wrong.invalid", "SAN=dns:wrong.invalid", null, 30),
        /** Expired a week ago. */
        EXPIRED("CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "-10d", 3),
        /** A client certificate for TLS client authentication. */
        CLIENT("CN=drizzle-client", null, null, 30);

        final String dname;
        final String san;
        final String startDate;
        final int days;

        Kind(String dname, String san, String startDate, int days) {
            this.dname = dname;
            this.san = san;
            this.startDate = startDate;
            this.days = days;
        }
    }

    private TestCertificates() {
    }

    /** The PKCS#12 file (alias {@code cert}, password {@link #PASSWORD}) of {@code kind}. */
    public static Path pkcs12(Kind kind) {
        return MADE.computeIfAbsent(kind, TestCertificates::generate);
    }

    /** Loads {@link #pkcs12(Kind)} as a key store. */
    public static KeyStore keyStore(Kind kind) {
        try (InputStream in = Files.newInputStream(pkcs12(kind))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load test certificate " + kind, e);
        }
    }

    private static Path generate(Kind kind) {
        try {
            Path dir = Files.createTempDirectory("drizzle-cert");
            Path file = dir.resolve(kind.name().toLowerCase(java.util.Locale.ROOT) + ".p12");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "cert", "-keyalg", "RSA", "-keysize", "2048",
                    "-dname", kind.dname, "-validity", Integer.toString(kind.days),
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD));
            if (kind.san != null) {
                cmd.addAll(List.of("-ext", kind.san));
            }
            if (kind.startDate != null) {
                cmd.addAll(List.of("-startdate", kind.startDate));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed for " + kind + ": " + out);
            }
            // deleteOnExit runs in reverse order of registration: the file first, then its folder.
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
