package org.drizzle.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.job.CompleteResult;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.testserver.FaultServer;
import org.drizzle.engine.testserver.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads survive SIGKILL: a child JVM ({@link CrashChild}) runs a job against a slow
 * loopback server and is killed at random moments at least 20 times; each restart recovers
 * the store and resumes. Asserts: the final file has the source's SHA-256; nothing appears
 * under the final name before Complete; and each kill costs at most one checkpoint of
 * re-fetched bytes (server byte counter minus the durable progress gained).
 */
class CrashTest {
    static final long CHECKPOINT = 512 * 1024;
    static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void killedDownloadsResumeWithoutSplicingOrLosingMoreThanACheckpoint() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (FaultServer server = FaultServer.start()) {
            Resource r = server.resource("/big.bin").generated(8L * 1024 * 1024).slow(320_000);
            Path store = dir.resolve("store");
            Path dest = dir.resolve("big.bin");
            String url = server.uri("/big.bin").toString();
            long previousStart = 0;
            long servedInKilledRun = 0;
            long counterBefore = 0;
            List<String> perKill = new ArrayList<>();
            int kills = 0;
            boolean transferred = false;
            while (!transferred) {
                Process child = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                        store.toString(), url, dest.toString(), Long.toString(CHECKPOINT))
                        .redirectError(dir.resolve("child-" + kills + ".err").toFile()).start();
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String first = out.readLine();
                assertThat(first).as("seed %d, run %d", seed, kills).startsWith("START ");
                long start = Long.parseLong(first.substring(6));
                if (kills > 0) {
                    long refetched = servedInKilledRun - (start - previousStart);
                    perKill.add(refetched + "");
                    assertThat(refetched).as("bytes fetched twice after kill %d (seed %d)", kills, seed)
                            .isLessThanOrEqualTo(CHECKPOINT);
                    assertThat(start).as("durable offset never goes back").isGreaterThanOrEqualTo(previousStart);
                }
                previousStart = start;
                if (kills < KILLS) {
                    Thread.sleep(300 + random.nextInt(900));
                    child.destroyForcibly();
                    child.waitFor(10, TimeUnit.SECONDS);
                    kills++;
                    Thread.sleep(150);
                    assertThat(dest).as("nothing under the final name before Complete").doesNotExist();
                    long counter = r.bytesServed();
                    servedInKilledRun = counter - counterBefore;
                    counterBefore = counter;
                } else {
                    String line = out.readLine();
                    assertThat(line).as("seed %d", seed).isEqualTo("TRANSFERRED");
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    transferred = true;
                }
            }
            assertThat(dest).doesNotExist();
            try (LocalEngine engine = LocalEngine.open(EngineConfig.builder(store).build())) {
                EngineClient c = engine.client(new org.drizzle.engine.identity.Principal(
                        org.drizzle.engine.identity.Principal.current().uid(), 0, "me", false));
                JobInfo job = c.listJobs(false).get(0);
                assertThat(job.state()).isEqualTo(JobState.TRANSFERRED);
                CompleteResult result = c.complete(job.id());
                assertThat(result.status()).isEqualTo(ErrorCodes.S_OK);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(dest)));
            assertThat(sha).isEqualTo(r.content().sha256());
            assertThat(kills).isGreaterThanOrEqualTo(KILLS);
            System.out.println("CrashTest seed " + seed + ": " + kills + " kills, re-fetched bytes per kill " + perKill
                    + ", served " + r.bytesServed() + " for " + r.content().length());
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
