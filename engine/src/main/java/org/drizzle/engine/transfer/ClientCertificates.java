package org.drizzle.engine.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.ClientCertificate;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.job.Owner;

/**
 * Reads a job's PKCS#12 client certificate with the job owner's identity (through
 * {@link OwnerFiles}), at every transfer, so a job presents only a certificate its owner can
 * read now. Its errors tell no more than the owner's own open would: missing
 * (ERROR_FILE_NOT_FOUND), not readable or refused (E_ACCESSDENIED); and once read, one message
 * for a wrong password and a file that is not PKCS#12 alike (E_INVALIDARG), never the
 * key-store library's text, which quotes bytes of the file.
 */
final class ClientCertificates {
    /** Far above any real certificate chain; a bound on what a job makes the engine read. */
    static final int MAX_BYTES = 1024 * 1024;
    private final OwnerFiles files;

    /**
     * A certificate as read for one owner. {@code key} (owner, and a digest of the bytes and
     * the password) tells which pooled HTTP clients may present it: never one built for another
     * owner or for other bytes.
     */
    record Pkcs12(String path, String key, byte[] bytes, char[] password) {
    }

    ClientCertificates(Impersonator impersonator) {
        this.files = new OwnerFiles(impersonator);
    }

    /** The job's certificate, read now as {@code owner}; null when the job has none. */
    Pkcs12 read(Owner owner, ClientCertificate certificate) throws TransferException {
        if (certificate == null) {
            return null;
        }
        String path = certificate.pkcs12Path();
        byte[] bytes;
        try {
            bytes = files.readAll(owner, Path.of(path), MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.ERROR_FILE_NOT_FOUND,
                    "The client certificate " + path + " does not exist.");
        } catch (IOException | RuntimeException e) {
            throw new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_ACCESSDENIED,
                    "The client certificate " + path + " cannot be read with the job owner's rights.");
        }
        String password = certificate.password() == null ? "" : certificate.password();
        return new Pkcs12(path, owner.uid() + ":" + digest(bytes, password), bytes, password.toCharArray());
    }

    /** The key managers presenting {@code p}; a wrong password and a non-PKCS#12 file fail alike. */
    static KeyManager[] keyManagers(Pkcs12 p) throws TransferException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(p.bytes()), p.password());
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, p.password());
            return factory.getKeyManagers();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_INVALIDARG,
                    "The client certificate " + p.path() + " cannot be opened as PKCS#12 with the job's password.");
        }
    }

    private static String digest(byte[] bytes, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes);
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
