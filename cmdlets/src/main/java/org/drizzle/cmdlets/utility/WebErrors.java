package org.drizzle.cmdlets.utility;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * A failed request in the words PowerShell 7 on Linux uses (from .NET's HttpClient), so a script
 * or user sees "Connection refused (host:port)", never a Java exception's name or text.
 */
final class WebErrors {
    private WebErrors() {
    }

    static IOException describe(IOException e, URI uri) {
        if (e instanceof WebRequestException) {
            return e;
        }
        String where = " (" + uri.getHost() + ":" + port(uri) + ")";
        String message;
        if (e instanceof UnknownHostException) {
            message = "Name or service not known" + where;
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            message = "Connection refused" + where;
        } else if (e instanceof SocketTimeoutException
                || e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            message = "The operation has timed out" + where + ".";
        } else if (e instanceof SSLException) {
            message = "The SSL connection could not be established, see inner exception.";
        } else if (e instanceof InterruptedIOException) {
            message = "The operation was canceled.";
        } else {
            message = "An error occurred while sending the request" + where + ".";
        }
        return new IOException(message, e);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
