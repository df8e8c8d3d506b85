package org.drizzle.cmdlets.bits;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;

/**
 * Hands a {@link PSCredential} to HttpClient 5 for one server (Invoke-WebRequest, WebClient),
 * so the password goes from the credential straight into the client, never through a string
 * the script can see.
 */
public final class HttpCredentials {
    private HttpCredentials() {
    }

    /** A provider answering only for {@code host:port} (port -1 for any), with Basic/Digest/NTLM user and password. */
    public static CredentialsProvider forServer(PSCredential credential, String host, int port) {
        return CredentialsProviderBuilder.create()
                .add(new AuthScope(host, port), credential.userName(), credential.password().toCharArray())
                .build();
    }
}
