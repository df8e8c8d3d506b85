import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.drizzle.engine.EngineConfig;
import org.drizzle.engine.LocalEngine;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobOptions;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.service.RemoteEngine;

/**
 * Benchmark client for bench/service.sh (stands in for `bin/drizzle Get-BitsTransfer` until
 * the host launcher exists; it does the same engine work).
 *   list remote SOCKET     one-shot listJobs through the service
 *   list embedded STORE    one-shot listJobs with an engine in this process
 *   fill SOCKET N          N background jobs against a server that never answers (so they stay
 *                          QUEUED behind the one that is connecting); waits for stdin to close,
 *                          then exits (the script throws the whole store away)
 */
public final class ServiceBenchClient {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("list")) {
            try (EngineClient e = a[1].equals("remote") ? RemoteEngine.connect(Path.of(a[2]))
                    : LocalEngine.openClient(EngineConfig.builder(Path.of(a[2])).build(), Principal.current())) {
                System.out.println(e.listJobs(false).size() + " jobs");
            }
            return;
        }
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
            System.out.println("ready");
            System.out.flush();
            System.in.read();
        } finally {
            System.exit(0); // the never-answering server's threads would keep the JVM alive
        }
    }
}
