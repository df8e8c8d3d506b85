package org.drizzle.engine.transfer.upload;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * A server's answer to one packet, read leniently: header names case-insensitive, the error
 * code from BITS-Error-Code or the spec's BITS-Error, hex with or without {@code 0x}.
 *
 * @param errorCode null when the Ack carries none
 * @param errorContext null when the Ack carries none
 * @param received  BITS-Received-Content-Range (the next offset the server expects), or -1 if absent
 */
public record Ack(int status, String sessionId, String protocol, Integer errorCode, Integer errorContext,
                  long received, String replyUrl, String hostId, Long hostFallbackSeconds) {

    /** Reads the headers and drains any body (to EOF when there is no Content-Length). */
    static Ack read(ClassicHttpResponse response) throws IOException {
        EntityUtils.consume(response.getEntity());
        Integer code = BitsProtocol.parseHex(value(response, BitsProtocol.ERROR_CODE));
        if (code == null) {
            code = BitsProtocol.parseHex(value(response, BitsProtocol.ERROR_SPEC));
        }
        return new Ack(response.getCode(), value(response, BitsProtocol.SESSION_ID),
                value(response, BitsProtocol.PROTOCOL), code,
                BitsProtocol.parseHex(value(response, BitsProtocol.ERROR_CONTEXT)),
                number(value(response, BitsProtocol.RECEIVED_CONTENT_RANGE)),
                value(response, BitsProtocol.REPLY_URL), value(response, BitsProtocol.HOST_ID),
                fallback(value(response, BitsProtocol.HOST_ID_FALLBACK_TIMEOUT)));
    }

    boolean ok() {
        return status == 200 || status == 201;
    }

    /** True for 500 + BG_E_SESSION_NOT_FOUND: the packet must start over with Create-Session. */
    boolean sessionNotFound() {
        return errorCode != null && errorCode == org.drizzle.engine.job.ErrorCodes.BG_E_SESSION_NOT_FOUND;
    }

    private static String value(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null || h.getValue() == null || h.getValue().isBlank() ? null : h.getValue().trim();
    }

    private static long number(String text) {
        if (text == null) {
            return -1;
        }
        try {
            // Some servers answer "0-4891" style ranges; the next offset is one past the end.
            int dash = text.lastIndexOf('-');
            return dash > 0 ? Long.parseLong(text.substring(dash + 1).trim()) + 1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Long fallback(String text) {
        if (text == null) {
            return null;
        }
        try {
            long v = Long.parseLong(text);
            // 0xFFFFFFFF means infinite: never fall back.
            return v < 0 || v >= 0xFFFFFFFFL ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
