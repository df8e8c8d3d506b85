import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * The least a download of many small files with BITS' promise (a finished file survives a crash)
 * must do, with none of Drizzle's code: fetch each URL in turn over one kept-alive HttpClient 5
 * connection into a temp file, force all the temp files at once (16 threads, as the engine's
 * group commit does) and rename each to its final name. No job store, no job model, no events.
 * bench/user-path.sh times it in a cold JVM started as bin/drizzle starts one, beside aria2c -i.
 * Usage: FetchFloor url-list-file destination-folder
 */
public final class FetchFloor {
    public static void main(String[] args) throws Exception {
        List<String> urls = Files.readAllLines(Path.of(args[0]));
        Path folder = Path.of(args[1]);
        List<FileChannel> temps = new ArrayList<>();
        try (CloseableHttpClient http = HttpClients.createMinimal()) {
            for (String url : urls) {
                Path temp = folder.resolve(name(url) + ".part");
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                temps.add(out);
                http.execute(new HttpGet(url), response -> {
                    if (response.getCode() != 200) {
                        throw new IllegalStateException(url + ": HTTP " + response.getCode());
                    }
                    try (InputStream in = response.getEntity().getContent()) {
                        return out.transferFrom(Channels.newChannel(in), 0, Long.MAX_VALUE);
                    }
                });
            }
        }
        ExecutorService forces = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (FileChannel temp : temps) {
            done.add(forces.submit(() -> {
                temp.force(false);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        forces.shutdown();
        for (int i = 0; i < urls.size(); i++) {
            temps.get(i).close();
            Path last = folder.resolve(name(urls.get(i)));
            Files.move(folder.resolve(last.getFileName() + ".part"), last, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static String name(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
