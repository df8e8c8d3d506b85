package org.drizzle.cmdlets.dotnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.drizzle.cmdlets.bits.PSCredential;
import org.drizzle.cmdlets.lang.Hashtable;
import org.drizzle.cmdlets.utility.HttpFetch;

/**
 * System.Net.WebClient ({@code New-Object System.Net.WebClient}): DownloadFile and
 * DownloadString through HttpClient 5, with its Headers and Credentials. DownloadFile never
 * leaves a partial file at the destination.
 */
public final class WebClient {
    private final Hashtable headers = new Hashtable();
    private PSCredential credentials;
    private boolean useDefaultCredentials;

    public Hashtable getHeaders() {
        return headers;
    }

    public PSCredential getCredentials() {
        return credentials;
    }

    /** Accepts a PSCredential or a NetworkCredential (which is one here); $null clears it. */
    public void setCredentials(PSCredential credentials) {
        this.credentials = credentials;
    }

    public boolean getUseDefaultCredentials() {
        return useDefaultCredentials;
    }

    /** There are no logon credentials to send on Linux; kept so scripts that set it run unchanged. */
    public void setUseDefaultCredentials(boolean value) {
        this.useDefaultCredentials = value;
    }

    public void downloadFile(String address, String fileName) {
        try {
            HttpFetch.download(request(address), Path.of(fileName));
        } catch (IOException e) {
            throw failure(address, e);
        }
    }

    public String downloadString(String address) {
        try {
            return HttpFetch.send(request(address)).text();
        } catch (IOException e) {
            throw failure(address, e);
        }
    }

    public byte[] downloadData(String address) {
        try {
            return HttpFetch.send(request(address)).body();
        } catch (IOException e) {
            throw failure(address, e);
        }
    }

    public void dispose() {
        headers.clear();
    }

    private HttpFetch.Request request(String address) {
        return new HttpFetch.Request(ValueTypes.toUri(address), "GET", headers, credentials, null, null, null);
    }

    /** As .NET's WebException: "Exception calling "DownloadFile"..." is added by the host; the cause stays readable. */
    private static UncheckedIOException failure(String address, IOException e) {
        return new UncheckedIOException("An exception occurred during a WebClient request to " + address + ": "
                + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "System.Net.WebClient";
    }
}
