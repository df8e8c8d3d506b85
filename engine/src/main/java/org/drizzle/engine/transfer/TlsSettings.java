package org.drizzle.engine.transfer;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.drizzle.engine.job.SecurityFlags;

/**
 * The TLS side of a job's connections: the JDK trust store relaxed by its SSL security flags
 * ({@link JobTrustManager}), host-name checks unless IGNORE_CERT_CN_INVALID, and the job's
 * client certificate read by {@link ClientCertificates}.
 */
final class TlsSettings {
    /** The security-flag bits that change how TLS connections are made. */
    static final int TLS_FLAGS = SecurityFlags.IGNORE_CERT_CN_INVALID | SecurityFlags.IGNORE_CERT_DATE_INVALID
            | SecurityFlags.IGNORE_UNKNOWN_CA | SecurityFlags.IGNORE_CERT_WRONG_USAGE;

    private TlsSettings() {
    }

    /**
     * HttpClient's TLS strategy for these flags and certificate (null: none). The SSL context is
     * made at the first https connection: loading the JDK trust store costs a cold start tens of
     * milliseconds that a job of http:// files never needs. A certificate that cannot be read
     * still fails here, when the job's client is made.
     */
    static TlsSocketStrategy strategy(int securityFlags, ClientCertificates.Pkcs12 certificate) throws TransferException {
        KeyManager[] keys = certificate == null ? null : ClientCertificates.keyManagers(certificate);
        return new TlsSocketStrategy() {
            private TlsSocketStrategy made;

            @Override
            public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                    throws IOException {
                TlsSocketStrategy s;
                synchronized (this) {
                    if (made == null) {
                        made = make(securityFlags, keys);
                    }
                    s = made;
                }
                return s.upgrade(socket, target, port, attachment, context);
            }
        };
    }

    private static TlsSocketStrategy make(int securityFlags, KeyManager[] keys) throws SSLException {
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(keys, new TrustManager[] {new JobTrustManager(securityFlags)}, new SecureRandom());
        } catch (GeneralSecurityException e) {
            throw new SSLException("Cannot set up TLS: " + e.getMessage(), e);
        }
        if ((securityFlags & SecurityFlags.IGNORE_CERT_CN_INVALID) != 0) {
            return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
        }
        // BOTH: besides JSSE's own check, HttpClient verifies the host name after the handshake, which
        // matters when JobTrustManager accepted an unknown CA before JSSE got to the name.
        return new DefaultClientTlsStrategy(context, HostnameVerificationPolicy.BOTH, new DefaultHostnameVerifier());
    }
}
