import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses a text file for the .deb as `gzip -9n` does (best compression, no file name, time
 * stamp 0), so the package needs no native tools: changelog.gz and the manual pages. "@VERSION@"
 * in the text becomes the package version.
 * Usage: java DebGzip.java VERSION (INPUT OUTPUT.gz)...
 */
public final class DebGzip {
    public static void main(String[] args) throws IOException {
        for (int i = 1; i + 1 < args.length; i += 2) {
            String text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8).replace("@VERSION@", args[0]);
            Path target = Path.of(args[i + 1]);
            Files.createDirectories(target.getParent());
            Files.write(target, gzip(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static byte[] gzip(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ID1 ID2, CM=deflate, FLG=0 (no name), MTIME=0, XFL=2 (best compression), OS=3 (Unix)
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3}, 0, 10);
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLe(out, crc.getValue());
        writeLe(out, data.length);
        return out.toByteArray();
    }

    private static void writeLe(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
