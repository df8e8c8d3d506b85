package org.drizzle.engine.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.SecurityFlags;

/**
 * The TLS side of a job's connections: the JDK trust store relaxed by its SSL security flags
 * ({@link JobTrustManager}), host-name checks unless IGNORE_CERT_CN_INVALID, and the job's
 * client certificate from a PKCS#12 file.
 */
final class TlsSettings {
    /** The security-flag bits that change how TLS connections are made. */
    static final int TLS_FLAGS = SecurityFlags.IGNORE_CERT_CN_INVALID | SecurityFlags.IGNORE_CERT_DATE_INVALID
            | SecurityFlags.IGNORE_UNKNOWN_CA | SecurityFlags.IGNORE_CERT_WRONG_USAGE;

    private TlsSettings() {
    }

    /** HttpClient's TLS strategy for these flags and certificate. */
    static TlsSocketStrategy strategy(int securityFlags, ClientCertificate certificate) throws TransferException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(keyManagers(certificate), new TrustManager[] {new JobTrustManager(securityFlags)}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_SECURE_FAILURE,
                    "Cannot set up TLS: " + e.getMessage(), e);
        }
        if ((securityFlags & SecurityFlags.IGNORE_CERT_CN_INVALID) != 0) {
            return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
        }
        // BOTH: besides JSSE's own check, HttpClient verifies the host name after the handshake, which
        // matters when JobTrustManager accepted an unknown CA before JSSE got to the name.
        return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.BOTH, new DefaultHostnameVerifier());
    }

    private static KeyManager[] keyManagers(ClientCertificate certificate) throws TransferException {
        if (certificate == null) {
            return null;
        }
        char[] password = certificate.password() == null ? new char[0] : certificate.password().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(certificate.pkcs12Path()))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (NoSuchFileException e) {
            throw new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.ERROR_FILE_NOT_FOUND,
                    "The client certificate " + certificate.pkcs12Path() + " does not exist.", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_INVALIDARG,
                    "The client certificate " + certificate.pkcs12Path() + " cannot be read as PKCS#12: " + e.getMessage(), e);
        }
    }
}
