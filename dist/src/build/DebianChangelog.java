import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes /usr/share/doc/drizzle/changelog.gz from packaging/debian/changelog: the first entry's
 * version "@VERSION@" becomes the package version, and the result is compressed as `gzip -9n`
 * does (best compression, no file name, time stamp 0), so the .deb needs no native tools.
 * Usage: java DebianChangelog.java CHANGELOG VERSION OUTPUT.gz
 */
public final class DebianChangelog {
    public static void main(String[] args) throws IOException {
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).replaceFirst("@VERSION@", args[1]);
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=2 (max compression) OS=3 (Unix)
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLe(out, crc.getValue());
        writeLe(out, data.length);
        Path target = Path.of(args[2]);
        Files.createDirectories(target.getParent());
        Files.write(target, out.toByteArray());
    }

    private static void writeLe(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
