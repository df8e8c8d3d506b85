package org.drizzle.engine.transfer.upload;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.engine.transfer.TransferException;

/** Lets server-package tests run an upload with the JDK's default trust (SavedStateSession is package-private). */
public final class BitsUploadTransportTls {
    private BitsUploadTransportTls() {
    }

    /** Uploads a small file to {@code url}; returns the failure (an untrusted certificate must fail). */
    public static TransferException uploadWithDefaultTrust(URI url, Path tmp) throws Exception {
        Path src = Files.write(tmp.resolve("tls-source.bin"), new byte[] {1, 2, 3});
        try (BitsUploadTransport t = new BitsUploadTransport()) {
            t.transfer(new SavedStateSession(tmp.resolve("tls-state"), url, src));
        } catch (TransferException e) {
            return e;
        }
        throw new AssertionError("an upload to a server with an untrusted certificate succeeded");
    }
}
