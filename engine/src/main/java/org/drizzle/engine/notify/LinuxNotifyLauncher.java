package org.drizzle.engine.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.UserDatabase;
import org.drizzle.engine.job.Owner;

/**
 * Runs a notify program as the owner on Linux (see {@link NotifyProcess}), keeps the last
 * {@value #TAIL} bytes of its output and kills it when it overruns its time limit.
 */
public final class LinuxNotifyLauncher implements NotifyLauncher {
    static final int TAIL = 2048;
    private final long processUid;

    public LinuxNotifyLauncher(long processUid) {
        this.processUid = processUid;
    }

    @Override
    public Outcome run(List<String> cmdLine, Owner owner, Duration timeLimit) throws IOException, InterruptedException {
        Account account = UserDatabase.byUid(owner.uid()).orElseThrow(() -> new IOException(
                "The job owner " + owner.name() + " (uid " + owner.uid() + ") has no account to run the notify program as."));
        Process process = NotifyProcess.builder(NotifyCommandLine.argv(cmdLine), account, processUid).start();
        Tail tail = new Tail(process.getInputStream());
        Thread reader = new Thread(tail, "drizzle-notify-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(1000);
        return new Outcome(finished ? process.exitValue() : -1, !finished, tail.text());
    }

    /** Drains the output, keeping only its end. */
    private static final class Tail implements Runnable {
        private final InputStream in;
        private final byte[] ring = new byte[TAIL];
        private long total;

        Tail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (this) {
                        for (int i = 0; i < n; i++) {
                            ring[(int) (total++ % TAIL)] = buf[i];
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away; keep what was read
            }
        }

        synchronized String text() {
            int len = (int) Math.min(total, TAIL);
            byte[] out = new byte[len];
            for (int i = 0; i < len; i++) {
                out[i] = ring[(int) ((total - len + i) % TAIL)];
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        }
    }
}
