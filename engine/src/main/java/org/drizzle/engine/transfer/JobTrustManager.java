package org.drizzle.engine.transfer;

import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.drizzle.engine.job.SecurityFlags;

/**
 * The JDK trust store's verdict on a server certificate, relaxed only as far as the job's
 * {@code BG_SSL_IGNORE_*} security flags allow: an unknown CA passes with IGNORE_UNKNOWN_CA
 * (the certificate must still be in date unless IGNORE_CERT_DATE_INVALID), an expired or
 * not-yet-valid certificate passes with IGNORE_CERT_DATE_INVALID. Host-name checks are
 * switched off separately (IGNORE_CERT_CN_INVALID) by the TLS strategy.
 */
final class JobTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager jdk;
    private final int flags;

    JobTrustManager(int securityFlags) {
        this.jdk = jdkTrustManager();
        this.flags = securityFlags;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        try {
            jdk.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            relax(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        try {
            jdk.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            relax(chain, e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            jdk.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            relax(chain, e);
        }
    }

    /** Accepts the chain despite {@code failure} if the job's flags cover the reason, else rethrows. */
    private void relax(X509Certificate[] chain, CertificateException failure) throws CertificateException {
        boolean ignoreDate = (flags & SecurityFlags.IGNORE_CERT_DATE_INVALID) != 0;
        boolean ignoreCa = (flags & SecurityFlags.IGNORE_UNKNOWN_CA) != 0;
        if (isDateProblem(failure)) {
            if (ignoreDate) {
                return;
            }
            throw failure;
        }
        if (isHostNameProblem(failure) || !ignoreCa) {
            throw failure;
        }
        if (!ignoreDate && chain.length > 0) {
            chain[0].checkValidity();
        }
    }

    private static boolean isDateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException || t instanceof CertificateNotYetValidException) {
                return true;
            }
            if (t instanceof CertPathValidatorException v && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                    || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
                return true;
            }
            if (t instanceof CertPathValidatorException v && v.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                return false;
            }
        }
        return false;
    }

    private static boolean isHostNameProblem(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No subject alternative") || message.contains("No name matching");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return jdk.getAcceptedIssuers();
    }

    private static X509ExtendedTrustManager jdkTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X.509 trust manager");
        } catch (NoSuchAlgorithmException | KeyStoreException e) {
            throw new IllegalStateException("cannot load the JDK trust store", e);
        }
    }
}
