package org.drizzle.engine.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.job.JobInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes job events to syslog (journald picks them up from /dev/log) through util-linux
 * {@code logger}, as facility daemon with tag "drizzle". Entries are written on a background
 * thread so the engine never waits for the log; without logger or /dev/log they go only to
 * the service's own log.
 */
public final class LinuxSystemLog implements SystemLog {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxSystemLog.class);
    private static final String[] LOGGER_CANDIDATES = {"/usr/bin/logger", "/bin/logger"};

    private final String logger;
    private final Path socket;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drizzle-syslog");
        t.setDaemon(true);
        return t;
    });

    /** @param socket the syslog socket, normally /dev/log (tests point it elsewhere) */
    public LinuxSystemLog(Path socket) {
        this.logger = findLogger();
        this.socket = socket;
        if (logger == null || !Files.exists(socket)) {
            LOG.info("No syslog ({}); job events go to the service log only", logger == null ? "logger not installed" : socket + " missing");
        }
    }

    @Override
    public void record(SystemEvent event, JobInfo job, String message) {
        String line = format(event, job, message);
        LOG.info(line);
        if (logger == null || !Files.exists(socket)) {
            return;
        }
        writer.execute(() -> send(event, line));
    }

    /** The text of one entry: event id, job id and name, then the message. */
    static String format(SystemEvent event, JobInfo job, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(event.name()).append(' ').append(event.id).append("] ");
        if (job != null) {
            sb.append("job ").append(job.id()).append(" '").append(job.displayName()).append("' owner ")
                    .append(job.owner().name()).append(": ");
        }
        return sb.append(message).toString();
    }

    List<String> command(SystemEvent event, String line) {
        List<String> cmd = new ArrayList<>(List.of(logger, "-t", "drizzle", "--id=" + ProcessHandle.current().pid(),
                "-p", "daemon." + severityName(event.severity), "-u", socket.toString(), "--", line));
        return cmd;
    }

    private void send(SystemEvent event, String line) {
        try {
            Process p = new ProcessBuilder(command(event, line)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.warn("logger failed for '{}': {}", line, out);
            }
        } catch (Exception e) {
            LOG.warn("Could not write to syslog: {}", e.toString());
        }
    }

    private static String severityName(SystemEvent.Severity s) {
        return switch (s) {
            case ERROR -> "err";
            case WARNING -> "warning";
            case NOTICE -> "notice";
            case INFO -> "info";
        };
    }

    private static String findLogger() {
        for (String c : LOGGER_CANDIDATES) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
