package org.drizzle.engine.job;

/**
 * A TLS client certificate for a job, as a PKCS#12 file (the Linux stand-in for BITS'
 * certificate-store selection). The password never appears in {@link #toString()}.
 */
public record ClientCertificate(String pkcs12Path, String password) {
    @Override
    public String toString() {
        return "ClientCertificate[" + pkcs12Path + "]";
    }
}
