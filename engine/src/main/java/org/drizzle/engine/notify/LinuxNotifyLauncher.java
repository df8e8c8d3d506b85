package org.drizzle.engine.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.identity.UserDatabase;
import org.drizzle.engine.job.Owner;

/**
 * Runs a notify program as the owner on Linux (see {@link NotifyProcess}), keeps the last
 * {@value #TAIL} bytes of its output and ends it when it overruns its time limit.
 *
 * <p>The program starts through util-linux {@code setsid}, so it leads a new session and
 * process group whose id is its pid. At the time limit the whole group gets SIGTERM, then
 * SIGKILL after {@link #GRACE}: children and grandchildren it started (a backgrounded
 * {@code sleep}, a shell pipeline) end with it, and none keeps running as the owner. Only a
 * descendant that leaves the group itself (its own setsid) escapes; those that are still
 * descendants when the limit hits are killed one by one as well.
 */
public final class LinuxNotifyLauncher implements NotifyLauncher {
    static final int TAIL = 2048;
    static final Duration GRACE = Duration.ofSeconds(2);
    static final List<String> SETSID_CANDIDATES = List.of("/usr/bin/setsid", "/bin/setsid");
    private final long processUid;

    public LinuxNotifyLauncher(long processUid) {
        this.processUid = processUid;
    }

    @Override
    public Outcome run(List<String> cmdLine, Owner owner, Duration timeLimit) throws IOException, InterruptedException {
        Account account = UserDatabase.byUid(owner.uid()).orElseThrow(() -> new IOException(
                "The job owner " + owner.name() + " (uid " + owner.uid() + ") has no account to run the notify program as."));
        ProcessBuilder builder = NotifyProcess.builder(NotifyCommandLine.argv(cmdLine), account, processUid);
        String setsid = setsid();
        if (setsid != null) {
            List<String> command = new ArrayList<>(builder.command());
            command.add(0, setsid);
            builder.command(command);
        }
        Process process = builder.start();
        Tail tail = new Tail(process.getInputStream());
        Thread reader = new Thread(tail, "drizzle-notify-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // The service is stopping: the program does not outlive it.
            end(process, setsid != null);
            throw e;
        }
        if (!finished) {
            end(process, setsid != null);
        }
        reader.join(1000);
        return new Outcome(finished ? process.exitValue() : -1, !finished, tail.text());
    }

    /** SIGTERM to the program's group, SIGKILL after the grace period; its group id is its pid. */
    private static void end(Process process, boolean ownGroup) {
        List<ProcessHandle> descendants = process.descendants().toList();
        int group = (int) process.pid();
        if (ownGroup) {
            Signals.killGroup(group, Signals.SIGTERM);
        } else {
            process.destroy();
        }
        try {
            process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // still running (or interrupted): the group gets SIGKILL now
        }
        if (ownGroup) {
            // The leader may be gone while members live on: the group still exists, so its id is not reused.
            Signals.killGroup(group, Signals.SIGKILL);
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    static String setsid() {
        for (String candidate : SETSID_CANDIDATES) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
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
