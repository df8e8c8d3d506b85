import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.RemoteEngine;

/**
 * Fills a running service for bench/service.sh: {@code fill SOCKET N} creates N background jobs
 * (CreateJob, AddFile, Resume) against a loopback server that never answers, so they stay
 * queued behind the one that is connecting, then keeps that server up until it is killed (were
 * it gone, every job would fail its connect in turn and the service would churn through them
 * while it is measured).
 */
public final class ServiceBenchClient {
    public static void main(String[] a) throws Exception {
        HttpServer never = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        never.createContext("/", x -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                x.close();
            }
        });
        never.start();
        String url = "http://127.0.0.1:" + never.getAddress().getPort() + "/f";
        try (RemoteEngine e = RemoteEngine.connect(Path.of(a[1]))) {
            int n = Integer.parseInt(a[2]);
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                JobInfo j = e.createJob("bench-" + i, JobType.DOWNLOAD, new JobOptions());
                e.addFile(j.id(), url, "/tmp/drizzle-bench-" + i + ".bin", null);
                e.resume(j.id());
            }
            System.out.printf("created %d jobs in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            System.out.flush();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the never-answering server's threads would keep the JVM alive
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
