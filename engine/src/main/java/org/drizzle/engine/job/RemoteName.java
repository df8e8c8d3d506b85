package org.drizzle.engine.job;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A file's remote name, parsed once: the text the job keeps and the {@link URI} the transports
 * use. RemoteName rules: at most {@link JobRules#MAX_REMOTE_NAME} characters; http, https or
 * file URLs, or an absolute local/UNC path (a file: URI); uploads need http(s). A URL is taken as
 * BITS (WinHTTP) takes it from an admin: a space, a non-ASCII character (as UTF-8) or a stray
 * {@code %} is percent-encoded instead of failing as an illegal character, while characters
 * already escaped and the URL's own delimiters are kept as written; a path is kept as given.
 *
 * @param text what the job stores and shows (canonical: a URL escaped, a path as given)
 * @param uri  what the transports use
 */
public record RemoteName(String text, URI uri) {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /**
     * The remote name AddFile, SetRemoteName and ReplaceRemotePrefix accept for a job of
     * {@code type}, else the refusal naming the bad value.
     */
    public static RemoteName parse(String given, JobType type) {
        if (given == null || given.isEmpty()) {
            throw JobRules.invalid("The remote name is empty.");
        }
        String text = urlLike(given) ? escape(given) : given;
        if (text.length() > JobRules.MAX_REMOTE_NAME) {
            throw new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG, "The remote name is " + text.length()
                    + " characters long; at most " + JobRules.MAX_REMOTE_NAME + " are allowed.");
        }
        RemoteName name = of(text);
        if (type.isUpload() && !name.scheme().equals("http") && !name.scheme().equals("https")) {
            throw new BitsException(ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME,
                    "Upload jobs need an http or https remote name, not '" + text + "'.");
        }
        return name;
    }

    /** A name a job holds (checked when it was set): its URI (local and UNC paths become file: URIs). */
    public static RemoteName of(String text) {
        if (!urlLike(text)) {
            if (!FileRules.absolute(text)) {
                throw JobRules.invalid("The remote name '" + text + "' is neither a URL nor an absolute path.");
            }
            if (text.indexOf('*') >= 0 || text.indexOf('?') >= 0) {
                throw JobRules.invalid("The remote name '" + text + "' contains wildcards.");
            }
            try {
                return new RemoteName(text, Path.of(text).toUri());
            } catch (InvalidPathException e) {
                throw JobRules.invalid("The remote name '" + text + "' is not a valid path: " + e.getReason());
            }
        }
        String scheme = text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
            throw new BitsException(ErrorCodes.INTERNET_UNRECOGNIZED_SCHEME, "The remote name '" + text
                    + "' uses the unsupported scheme '" + scheme + "'; use http, https, file or a path.");
        }
        try {
            URI uri = new URI(escape(text));
            if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
                throw new BitsException(ErrorCodes.INTERNET_INVALID_URL, "The remote name '" + text + "' has no host.");
            }
            return new RemoteName(text, uri);
        } catch (URISyntaxException e) {
            throw new BitsException(ErrorCodes.INTERNET_INVALID_URL,
                    "The remote name '" + text + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    /** The URI's scheme in lower case (http, https or file). */
    public String scheme() {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean urlLike(String remote) {
        int colon = remote.indexOf(':');
        return colon > 1 && SCHEME.matcher(remote).region(0, colon).matches();
    }

    /** {@code remote} with every character a URI may not contain percent-encoded. */
    public static String escape(String remote) {
        StringBuilder out = null;
        for (int i = 0; i < remote.length(); i++) {
            char c = remote.charAt(i);
            boolean keep = allowed(c) || (c == '%' && isEscape(remote, i));
            if (keep && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(remote.length() + 16).append(remote, 0, i);
            }
            if (keep) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < remote.length() ? i + 2 : i + 1;
            for (byte b : remote.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out == null ? remote : out.toString();
    }

    /** RFC 3986 unreserved, reserved (gen-delims and sub-delims); everything else is escaped. */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~:/?#[]@!$&'()*+,;=".indexOf(c) >= 0;
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
