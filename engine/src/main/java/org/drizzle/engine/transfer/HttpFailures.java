package org.drizzle.engine.transfer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.CircularRedirectException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;

/**
 * Turns what went wrong in an HTTP or file transfer into BITS' context and HRESULT: network
 * failures become WinINet's ERROR_INTERNET_* codes (transient), HTTP statuses become
 * BG_E_HTTP_ERROR_nnn, and local-file failures become Win32 codes in the LOCAL_FILE context.
 */
final class HttpFailures {
    /** A Java class name as exception texts carry it ("java.net.SocketException: "). */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9]*\\.)+[A-Z]\\w*(?:Exception|Error):? ?");

    private HttpFailures() {
    }

    /** An I/O failure talking to the server (connect, TLS, request, response body). */
    static TransferException network(IOException e, String remote) {
        String detail = remote + ": " + describe(e);
        Throwable redirect = causeOf(e, RedirectException.class);
        if (redirect != null || causeOf(e, CircularRedirectException.class) != null) {
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.HTTP_REDIRECT_FAILED, detail, e);
        }
        if (e instanceof UnknownHostException) {
            return new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_NAME_NOT_RESOLVED, detail, e);
        }
        if (e instanceof ConnectTimeoutException || e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && !(e instanceof java.nio.channels.ClosedByInterruptException))) {
            return new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_TIMEOUT, detail, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_CANNOT_CONNECT, detail, e);
        }
        if (e instanceof SSLException) {
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.INTERNET_SECURE_FAILURE, detail, e);
        }
        if (e instanceof ConnectionClosedException || e instanceof NoHttpResponseException
                || e instanceof SocketException || e instanceof org.apache.hc.core5.http.MalformedChunkCodingException) {
            return new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_CONNECTION_RESET, detail, e);
        }
        if (e instanceof org.apache.hc.client5.http.ClientProtocolException) {
            return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_INSUFFICIENT_HTTP_SUPPORT, detail, e);
        }
        // Anything else on the wire (truncated chunks, odd stream ends) behaves like a reset: retry.
        return new TransferException(ErrorContext.GENERAL_TRANSPORT, ErrorCodes.INTERNET_CONNECTION_RESET, detail, e);
    }

    /** An HTTP status the transfer cannot use: BG_E_HTTP_ERROR_nnn in the REMOTE_FILE context. */
    static TransferException status(int status, String remote) {
        return status(status, remote, null);
    }

    /**
     * As {@link #status(int, String)}; on 503 and 429 the server's {@code Retry-After} header
     * (null if none) is kept as the earliest the job may retry.
     */
    static TransferException status(int status, String remote, String retryAfterHeader) {
        TransferException e = new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.fromHttpStatus(status),
                remote + " answered HTTP " + status + ".");
        if (status == 503 || status == 429) {
            e.retryAfter(RetryAfter.parse(retryAfterHeader, Instant.now()));
        }
        return e;
    }

    /** A failure writing the local temp file (disk full, access denied) in the LOCAL_FILE context. */
    static TransferException local(IOException e, String localName) {
        String detail = localName + ": " + plain(e);
        if (e instanceof AccessDeniedException) {
            return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_ACCESSDENIED, detail, e);
        }
        if (e instanceof NoSuchFileException) {
            return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.ERROR_PATH_NOT_FOUND, detail, e);
        }
        String message = String.valueOf(e.getMessage()) + (e instanceof FileSystemException fs ? " " + fs.getReason() : "");
        if (message.contains("No space left") || message.contains("not enough space") || message.contains("Disk quota")) {
            return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.ERROR_DISK_FULL, detail, e);
        }
        if (message.contains("Permission denied") || message.contains("Access is denied")
                || message.contains("Read-only file system")) {
            return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_ACCESSDENIED, detail, e);
        }
        return new TransferException(ErrorContext.LOCAL_FILE, ErrorCodes.E_FAIL, detail, e);
    }

    /** A local failure in words, without Java class names (the path is already in the detail). */
    private static String plain(IOException e) {
        if (e instanceof AccessDeniedException a) {
            return "access denied" + (a.getReason() == null ? "" : " (it " + a.getReason() + ")");
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() == null ? "cannot be used" : f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** The failure in words for a user: its message, without Java class names (a cause's "java.net.X: "). */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "the connection failed";
        }
        return JAVA_NAME.matcher(message).replaceAll("");
    }


    private static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
