package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.net.URI;

/** An HTTP error status from Invoke-WebRequest/RestMethod or WebClient, worded as PowerShell 7 words it. */
public final class WebRequestException extends IOException {
    private final int statusCode;
    private final URI uri;

    public WebRequestException(int statusCode, String reason, URI uri) {
        super("Response status code does not indicate success: " + statusCode + " (" + reason + ").");
        this.statusCode = statusCode;
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }

    /** An error PowerShell words itself (too many redirects), with the status that caused it (0 if none). */
    public WebRequestException(String message, int statusCode, URI uri) {
        super(message);
        this.statusCode = statusCode;
        this.uri = uri;
    }

    public int statusCode() {
        return statusCode;
    }
}
