package org.drizzle.cmdlets.dotnet;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * [System.Text.Encoding] (UTF8, ASCII, Unicode, BigEndianUnicode, UTF32, Latin1, Default, GetEncoding)
 * with GetBytes/GetString, and the URL and HTML helpers scripts build query strings with:
 * [System.Web.HttpUtility] (lower-case %xx, as .NET Framework) and [System.Net.WebUtility] (upper-case).
 */
final class TextTypes {
    private TextTypes() {
    }

    /** One System.Text.Encoding. */
    public record TextEncoding(Charset charset, String WebName) {
        public byte[] GetBytes(Object s) {
            return LanguagePrimitives.toStr(s).getBytes(charset);
        }

        public String GetString(Object bytes) {
            return new String(bytes(bytes), charset);
        }

        public int GetByteCount(Object s) {
            return GetBytes(s).length;
        }

        public String getEncodingName() {
            return charset.displayName(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "System.Text." + WebName.replace("-", "").toUpperCase(Locale.ROOT) + "Encoding";
        }
    }

    static List<TypeAdapter> adapters() {
        TypeAdapter encoding = TypeAdapter.builder("System.Text.Encoding")
                .property("UTF8", () -> new TextEncoding(StandardCharsets.UTF_8, "utf-8"))
                .property("Default", () -> new TextEncoding(StandardCharsets.UTF_8, "utf-8"))
                .property("ASCII", () -> new TextEncoding(StandardCharsets.US_ASCII, "us-ascii"))
                .property("Unicode", () -> new TextEncoding(StandardCharsets.UTF_16LE, "utf-16"))
                .property("BigEndianUnicode", () -> new TextEncoding(StandardCharsets.UTF_16BE, "utf-16BE"))
                .property("UTF32", () -> new TextEncoding(Charset.forName("UTF-32LE"), "utf-32"))
                .property("Latin1", () -> new TextEncoding(StandardCharsets.ISO_8859_1, "iso-8859-1"))
                .method("GetEncoding", 1, a -> byName(LanguagePrimitives.toStr(a.get(0))))
                .instances(TextEncoding.class::isInstance)
                .build();
        TypeAdapter httpUtility = TypeAdapter.builder("System.Web.HttpUtility")
                .method("UrlEncode", 1, a -> a.get(0) == null ? null : lowerHex(form(a.get(0))))
                .method("UrlDecode", 1, a -> a.get(0) == null ? null : URLDecoder.decode(str(a.get(0)), StandardCharsets.UTF_8))
                .method("HtmlEncode", 1, a -> html(a.get(0)))
                .method("UrlPathEncode", 1, a -> str(a.get(0)).replace(" ", "%20"))
                .build();
        TypeAdapter webUtility = TypeAdapter.builder("System.Net.WebUtility")
                .method("UrlEncode", 1, a -> a.get(0) == null ? null : form(a.get(0)))
                .method("UrlDecode", 1, a -> a.get(0) == null ? null : URLDecoder.decode(str(a.get(0)), StandardCharsets.UTF_8))
                .method("HtmlEncode", 1, a -> html(a.get(0)))
                .build();
        return List.of(encoding, httpUtility, webUtility);
    }

    private static TextEncoding byName(String name) {
        try {
            Charset c = Charset.forName(name.equalsIgnoreCase("utf-16") || name.equalsIgnoreCase("unicode") ? "UTF-16LE" : name);
            return new TextEncoding(c, name.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a supported encoding name.");
        }
    }

    private static String str(Object v) {
        return v == null ? "" : LanguagePrimitives.toStr(v);
    }

    /** Form encoding as .NET's: space is '+', and ~ stays (Java encodes it). */
    private static String form(Object v) {
        return URLEncoder.encode(str(v), StandardCharsets.UTF_8).replace("%7E", "~");
    }

    private static String lowerHex(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                b.append('%').append(Character.toLowerCase(s.charAt(i + 1))).append(Character.toLowerCase(s.charAt(i + 2)));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String html(Object v) {
        return v == null ? null : str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        List<Object> items = LanguagePrimitives.toList(v);
        byte[] out = new byte[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) LanguagePrimitives.toInt(items.get(i));
        }
        return out;
    }
}
