package org.drizzle.cmdlets.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The -Encoding values of PowerShell 7's file cmdlets: the charset and whether a byte-order mark
 * is written (utf8BOM, unicode, bigendianunicode, utf32 do, as in PowerShell 7; utf8 and
 * utf8NoBOM, the default, do not). A BOM is skipped when reading.
 */
public record FileEncoding(Charset charset, boolean bom) {
    public static final FileEncoding DEFAULT = new FileEncoding(StandardCharsets.UTF_8, false);

    /** The encoding {@code name} names ($null: the default); an unknown name is an error listing the valid ones. */
    public static FileEncoding of(String name) {
        if (name == null) {
            return DEFAULT;
        }
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "utf8", "utf8nobom", "default", "oem" -> DEFAULT;
            case "utf8bom" -> new FileEncoding(StandardCharsets.UTF_8, true);
            case "ascii" -> new FileEncoding(StandardCharsets.US_ASCII, false);
            case "unicode", "utf16", "utf16le" -> new FileEncoding(StandardCharsets.UTF_16LE, true);
            case "bigendianunicode", "utf16be" -> new FileEncoding(StandardCharsets.UTF_16BE, true);
            case "utf32" -> new FileEncoding(Charset.forName("UTF-32LE"), true);
            case "bigendianutf32" -> new FileEncoding(Charset.forName("UTF-32BE"), true);
            case "latin1" -> new FileEncoding(StandardCharsets.ISO_8859_1, false);
            default -> throw new IllegalArgumentException("Cannot bind parameter 'Encoding'. '" + name + "' is not a valid encoding: "
                    + "use ascii, bigendianunicode, bigendianutf32, latin1, oem, unicode, utf7 is not supported, utf8, utf8BOM, utf8NoBOM, utf32.");
        };
    }

    /** The bytes of {@code text} as written to a new file (with the BOM when this encoding has one). */
    public byte[] encode(String text, boolean atStart) {
        byte[] body = text.getBytes(charset);
        if (!bom || !atStart) {
            return body;
        }
        byte[] mark = "\uFEFF".getBytes(charset);
        byte[] out = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, out, 0, mark.length);
        System.arraycopy(body, 0, out, mark.length, body.length);
        return out;
    }

    /** Text decoded from file bytes, a leading BOM dropped. */
    public String decode(byte[] bytes) {
        String s = new String(bytes, charset);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
