package org.drizzle.engine.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.drizzle.engine.log.LogText;

/**
 * What a job's custom header may be (IBackgroundCopyJobHttpOptions::SetCustomHeaders), checked
 * when the headers are set and again before any request carries them, so a header that breaks
 * the rules is never sent:
 * <ul>
 *   <li>one {@code Name: value} per line, the name an RFC 9110 token (tchar only);</li>
 *   <li>no control character anywhere (C0 including NUL, TAB, CR and LF; DEL; C1), and nothing
 *       outside Latin-1, which HTTP/1.1 cannot carry (HttpClient would send {@code ?});</li>
 *   <li>none of the framing and hop-by-hop headers the client itself owns (Host,
 *       Content-Length, Transfer-Encoding, Connection, Keep-Alive, Upgrade, TE, Trailer,
 *       Proxy-Connection), and on uploads none of the BITS-* protocol headers.</li>
 * </ul>
 * Every refusal is E_INVALIDARG naming the header, its characters escaped as in the logs.
 */
public final class CustomHeaderRules {
    /** A header as it goes on the wire. */
    public record Header(String name, String value) {
    }

    /** Lower-case names the HTTP client sets itself: message framing and the connection. */
    static final Set<String> CLIENT_OWNED = Set.of("host", "content-length", "transfer-encoding", "connection",
            "keep-alive", "upgrade", "te", "trailer", "proxy-connection");
    private static final String TCHAR = "!#$%&'*+-.^_`|~";

    private CustomHeaderRules() {
    }

    /** The headers of {@code lines} for a job of {@code type}; BitsException E_INVALIDARG naming the first bad one. */
    public static List<Header> parse(List<String> lines, JobType type) {
        List<Header> out = new ArrayList<>(lines.size());
        for (String line : lines) {
            out.add(parse(line, type));
        }
        return out;
    }

    private static Header parse(String line, JobType type) {
        if (line == null) {
            throw invalid("A custom header is null.");
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw invalid("The custom header '" + LogText.of(line) + "' is not of the form 'Name: value'.");
        }
        String name = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        int bad = firstControl(line);
        if (bad >= 0) {
            throw invalid("The custom header '" + LogText.of(name) + "' contains the control character "
                    + LogText.of(String.valueOf(line.charAt(bad))) + (bad < colon ? " in its name" : " in its value")
                    + "; headers may hold no control characters.");
        }
        if (name.isEmpty()) {
            throw invalid("The custom header '" + LogText.of(line) + "' has no name.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0))) {
                throw invalid("The custom header name '" + LogText.of(name) + "' is not a valid HTTP field name"
                        + " (letters, digits and " + TCHAR + " only).");
            }
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                throw invalid("The value of the custom header '" + name + "' has the character "
                        + String.format("U+%04X", (int) value.charAt(i)) + ", which an HTTP/1.1 header cannot carry"
                        + " (Latin-1 only).");
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (CLIENT_OWNED.contains(lower)) {
            throw invalid("The custom header '" + name + "' is not allowed: the HTTP client sets " + name
                    + " itself (message framing and connection headers cannot be replaced).");
        }
        if (type.isUpload() && lower.startsWith("bits-")) {
            throw invalid("The custom header '" + name + "' is not allowed on an upload job: BITS-* headers belong"
                    + " to the BITS upload protocol.");
        }
        return new Header(name, value);
    }

    /** The index of the first C0, DEL or C1 character, or -1. */
    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
                return i;
            }
        }
        return -1;
    }

    private static BitsException invalid(String message) {
        return new BitsException(ErrorCodes.E_INVALIDARG, message);
    }
}
