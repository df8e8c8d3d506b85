package org.drizzle.engine.transfer.upload;

import java.util.Locale;

/**
 * Names and values of the BITS Upload Protocol ([MC-BUP]) shared by the client transport and
 * the Drizzle upload server, spelled as Windows sends them (upload-protocol.md A.0).
 */
public final class BitsProtocol {
    /** The extension method every packet uses. */
    public static final String METHOD = "BITS_POST";
    /** "BITS 1.5 Upload Protocol", the only protocol GUID defined. */
    public static final String PROTOCOL_GUID = "{7df0354d-249b-430f-820d-3d2a9bef4931}";

    public static final String PACKET_TYPE = "BITS-Packet-Type";
    public static final String SUPPORTED_PROTOCOLS = "BITS-Supported-Protocols";
    public static final String PROTOCOL = "BITS-Protocol";
    public static final String SESSION_ID = "BITS-Session-Id";
    public static final String RECEIVED_CONTENT_RANGE = "BITS-Received-Content-Range";
    public static final String REPLY_URL = "BITS-Reply-URL";
    public static final String HOST_ID = "BITS-Host-Id";
    public static final String HOST_ID_FALLBACK_TIMEOUT = "BITS-Host-Id-Fallback-Timeout";
    /** The error header every implementation sends; the spec's {@link #ERROR_SPEC} is read too. */
    public static final String ERROR_CODE = "BITS-Error-Code";
    public static final String ERROR_SPEC = "BITS-Error";
    public static final String ERROR_CONTEXT = "BITS-Error-Context";
    public static final String CONTENT_NAME = "Content-Name";

    /** Notification to the back-end application (upload-reply). */
    public static final String ORIGINAL_REQUEST_URL = "BITS-Original-Request-URL";
    public static final String REQUEST_DATAFILE_NAME = "BITS-Request-DataFile-Name";
    public static final String RESPONSE_DATAFILE_NAME = "BITS-Response-DataFile-Name";
    public static final String STATIC_RESPONSE_URL = "BITS-Static-Response-URL";
    public static final String COPY_FILE_TO_DESTINATION = "BITS-Copy-File-To-Destination";

    public static final String PING = "Ping";
    public static final String CREATE_SESSION = "Create-Session";
    public static final String FRAGMENT = "Fragment";
    public static final String CLOSE_SESSION = "Close-Session";
    public static final String CANCEL_SESSION = "Cancel-Session";
    public static final String ACK = "Ack";

    /** Error contexts as they travel in BITS-Error-Context. */
    public static final int CONTEXT_REMOTE_FILE = 0x5;
    public static final int CONTEXT_REMOTE_APPLICATION = 0x7;

    /** Windows (Vista SP1+) fragment bounds. */
    public static final int MIN_FRAGMENT = 5 * 1024;
    public static final int MAX_FRAGMENT = 13 * 1024 * 1024;

    private BitsProtocol() {
    }

    /**
     * Parses an error value leniently: {@code 0x80070057}, {@code x8020001F}, {@code 80070057},
     * any case, surrounding blanks. Returns null when the text is no hex number at all.
     */
    public static Integer parseHex(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("0x")) {
            t = t.substring(2);
        } else if (t.startsWith("x")) {
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 8) {
            return null;
        }
        try {
            return (int) Long.parseLong(t, 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The {@code 0x8020001F} form sent in BITS-Error-Code and BITS-Error-Context. */
    public static String hex(int value) {
        return "0x" + String.format(Locale.ROOT, "%X", value);
    }
}
