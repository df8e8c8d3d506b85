import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * What a JVM client costs for an upload, with none of Drizzle's code: one HTTP PUT of the file
 * through HttpClient 5 (1 MiB writes) to nginx, as curl -T does; no BITS upload protocol, and
 * the server does not force the file. bench/user-path.sh times it in a cold JVM started as
 * bin/drizzle starts one, beside curl -T.
 * Usage: UploadFloor file url
 */
public final class UploadFloor {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long size = Files.size(file);
        AbstractHttpEntity body = new AbstractHttpEntity(ContentType.APPLICATION_OCTET_STREAM, null) {
            @Override
            public InputStream getContent() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                byte[] buffer = new byte[1 << 20];
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                }
            }

            @Override
            public boolean isStreaming() {
                return false;
            }

            @Override
            public long getContentLength() {
                return size;
            }

            @Override
            public void close() {
            }
        };
        try (CloseableHttpClient http = HttpClients.createMinimal()) {
            HttpPut put = new HttpPut(args[1]);
            put.setEntity(body);
            int code = http.execute(put, response -> response.getCode());
            if (code / 100 != 2) {
                throw new IllegalStateException(args[1] + ": HTTP " + code);
            }
        }
    }
}
