package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.ErrorContext;
import org.drizzle.engine.transfer.TransferException;

/**
 * Turns Acks and network failures into BITS errors: the Ack's BITS-Error-Code when present,
 * else BG_E_HTTP_ERROR_nnn from the status; context REMOTE_APPLICATION when the server says
 * 0x7 (its back-end failed), REMOTE_FILE otherwise.
 */
final class UploadErrors {
    private UploadErrors() {
    }

    static TransferException fromAck(Ack ack, String packet, String url) {
        ErrorContext context = ack.errorContext() != null && ack.errorContext() == BitsProtocol.CONTEXT_REMOTE_APPLICATION
                ? ErrorContext.REMOTE_APPLICATION : ErrorContext.REMOTE_FILE;
        int code = ack.errorCode() != null && ack.errorCode() != 0 ? ack.errorCode() : ErrorCodes.fromHttpStatus(ack.status());
        return new TransferException(context, code, packet + " to " + url + " was answered HTTP " + ack.status()
                + (ack.errorCode() != null ? " with BITS error " + ErrorCodes.hex(ack.errorCode()) : "") + ".");
    }

    static TransferException protocol(String detail) {
        return new TransferException(ErrorContext.REMOTE_FILE, ErrorCodes.BG_E_CLIENT_SERVER_PROTOCOL_MISMATCH, detail);
    }

    static TransferException network(IOException e, String url) {
        int code;
        if (e instanceof UnknownHostException) {
            code = ErrorCodes.INTERNET_NAME_NOT_RESOLVED;
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
            code = ErrorCodes.INTERNET_CANNOT_CONNECT;
        } else if (e instanceof SocketTimeoutException) {
            code = ErrorCodes.INTERNET_TIMEOUT;
        } else if (e instanceof SSLException) {
            code = ErrorCodes.INTERNET_SECURE_FAILURE;
        } else {
            code = ErrorCodes.INTERNET_CONNECTION_RESET;
        }
        return new TransferException(ErrorContext.REMOTE_FILE, code, url + ": " + e, e);
    }

    static TransferException local(IOException e, String localName) {
        int code = String.valueOf(e.getMessage()).contains("No such file") || e instanceof java.nio.file.NoSuchFileException
                ? ErrorCodes.ERROR_FILE_NOT_FOUND : ErrorCodes.E_ACCESSDENIED;
        return new TransferException(ErrorContext.LOCAL_FILE, code, "Cannot read " + localName + ": " + e.getMessage(), e);
    }
}
