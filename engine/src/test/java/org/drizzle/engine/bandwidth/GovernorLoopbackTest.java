package org.drizzle.engine.bandwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.Priority;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.drizzle.policy.PolicyEvaluator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The governor pacing a real loopback HTTP download, measured at the server's socket
 * ({@link ServerSideBytes}): a
 * 2 MB/s policy averages 2 MB/s within 5 % over a 10 s window, a Foreground download from the
 * same server meanwhile runs unpaced, and a change to 500 KB/s holds within a second.
 */
class GovernorLoopbackTest {
    static final long LIMIT = 2_000_000;
    static final long LOWER = 500_000;

    final SettableClock clock = new SettableClock("2026-11-24T10:00:00Z");
    final AtomicReference<PolicyEvaluator> policy = new AtomicReference<>(Policies.evaluator(Policies.allDay(LIMIT)));
    final AtomicBoolean stop = new AtomicBoolean();


    /** Reads {@code uri} through the governor as {@code priority} until stopped or the body ends. */
    CompletableFuture<Long> download(CloseableHttpClient client, Governor g, String uri, Priority priority) {
        JobId job = JobId.random();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.execute(new HttpGet(uri), response -> {
                    long total = 0;
                    try (InputStream in = response.getEntity().getContent()) {
                        byte[] buffer = new byte[64 * 1024];
                        while (!stop.get()) {
                            int chunk = g.preferredChunk(priority);
                            g.acquire(job, priority, chunk);
                            int n = in.readNBytes(buffer, 0, chunk);
                            if (n <= 0) {
                                break;
                            }
                            total += n;

                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return total;
                });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * A client with a 64 KiB receive buffer: what the server has written then differs from what
     * the governor released by at most that much, so server-side rates are meaningful.
     */
    static CloseableHttpClient smallBufferClient() {
        return HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setRcvBufSize(64 * 1024).build()).build()).build();
    }

    /** Bytes per second the server's socket delivered on one connection over {@code millis}. */
    static double rateOver(int serverPort, int clientPort, long millis) throws Exception {
        long before = ServerSideBytes.acked(serverPort, clientPort);
        long start = System.nanoTime();
        Thread.sleep(millis);
        long bytes = ServerSideBytes.acked(serverPort, clientPort) - before;
        return bytes / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void policyLimitHoldsOnALoopbackDownloadAndForegroundIsUnaffected() throws Exception {
        Assumptions.assumeTrue(ServerSideBytes.available(), "needs ss (iproute2) to read the server socket's counters");
        try (FaultServer server = FaultServer.start();
             CloseableHttpClient client = smallBufferClient()) {
            Resource background = server.resource("/background.bin").generated(200L * 1024 * 1024);
            Resource foreground = server.resource("/foreground.bin").generated(150L * 1024 * 1024);
            Governor g = new Governor(policy::get, AllowanceSource.UNLIMITED, id -> false, clock);

            CompletableFuture<Long> low = download(client, g, server.httpUri("/background.bin").toString(), Priority.LOW);
            await().atMost(Duration.ofSeconds(5)).until(() -> ServerSideBytes.clientPorts(server.port()).size() == 1);
            int lowPort = ServerSideBytes.clientPorts(server.port()).get(0);
            Thread.sleep(1000);
            long fgStart = System.nanoTime();
            CompletableFuture<Long> fg = download(client, g, server.httpUri("/foreground.bin").toString(), Priority.FOREGROUND);
            double measured = rateOver(server.port(), lowPort, 10_000);
            assertThat(measured).as("background bytes/s over 10 s").isBetween(LIMIT * 0.95, LIMIT * 1.05);

            long fgBytes = fg.get(30, TimeUnit.SECONDS);
            double fgSeconds = (System.nanoTime() - fgStart) / 1e9;
            assertThat(fgBytes).isEqualTo(foreground.content().length());
            assertThat(fgBytes / fgSeconds).as("foreground bytes/s").isGreaterThan(LIMIT * 5.0);

            policy.set(Policies.evaluator(Policies.allDay(LOWER)));
            g.policyChanged();
            double after = rateOver(server.port(), lowPort, 2000);
            assertThat(after).as("bytes/s from 1 s after the change").isBetween(LOWER * 0.9, LOWER * 1.1);
            stop.set(true);
            low.get(10, TimeUnit.SECONDS);
        }
    }
}
