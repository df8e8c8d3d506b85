package org.drizzle.engine.notify;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes job events to the system log through util-linux {@code logger}, as facility daemon
 * with tag "drizzle": to journald as a structured entry ({@code logger --journald}, with
 * DRIZZLE_EVENT, DRIZZLE_JOB_ID, DRIZZLE_DISPLAY_NAME, DRIZZLE_OWNER... fields) when its socket
 * exists, else as one syslog line to /dev/log. Every user-controlled part goes through
 * {@link LogText}, so no job name or server text can add a line or a field. Entries are
 * written on a background thread so the engine never waits for the log; without logger or a
 * log socket they go only to the service's own log.
 */
public final class LinuxSystemLog implements SystemLog {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxSystemLog.class);
    private static final String[] LOGGER_CANDIDATES = {"/usr/bin/logger", "/bin/logger"};
    static final Path JOURNAL_SOCKET = Path.of("/run/systemd/journal/socket");

    private final String logger;
    private final Path socket;
    private final Path journal;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drizzle-syslog");
        t.setDaemon(true);
        return t;
    });

    /** @param socket the syslog socket, normally /dev/log (tests point it elsewhere) */
    public LinuxSystemLog(Path socket) {
        this(socket, JOURNAL_SOCKET);
    }

    /** @param journal journald's native socket; when it does not exist, syslog lines are written */
    LinuxSystemLog(Path socket, Path journal) {
        this.logger = findLogger();
        this.socket = socket;
        this.journal = journal;
        if (logger == null || (!Files.exists(socket) && !Files.exists(journal))) {
            LOG.info("No system log ({}); job events go to the service log only",
                    logger == null ? "logger not installed" : socket + " and " + journal + " missing");
        }
    }

    @Override
    public void record(SystemEvent event, JobInfo job, String message) {
        String line = format(event, job, message);
        LOG.info(line);
        if (logger == null) {
            return;
        }
        if (Files.exists(journal)) {
            writer.execute(() -> send(journaldCommand(), journalFields(event, job, line, message), line));
        } else if (Files.exists(socket)) {
            writer.execute(() -> send(command(event, line), null, line));
        }
    }

    /** The text of one entry: event id, job id and name, then the message; one line whatever they hold. */
    static String format(SystemEvent event, JobInfo job, String message) {
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(event.name()).append(' ').append(event.id).append("] ");
        if (job != null) {
            sb.append("job ").append(job.id()).append(" '").append(LogText.of(job.displayName())).append("' owner ")
                    .append(LogText.of(job.owner().name())).append(": ");
        }
        return sb.append(LogText.of(message)).toString();
    }

    /**
     * The journald entry, one FIELD=value per line as {@code logger --journald} reads it. Values
     * are escaped, so a newline in a job name cannot start another field.
     */
    static String journalFields(SystemEvent event, JobInfo job, String line, String message) {
        StringBuilder sb = new StringBuilder();
        field(sb, "MESSAGE", line);
        field(sb, "PRIORITY", Integer.toString(event.severity.syslog));
        field(sb, "SYSLOG_FACILITY", "3");
        field(sb, "SYSLOG_IDENTIFIER", "drizzle");
        field(sb, "SYSLOG_PID", Long.toString(ProcessHandle.current().pid()));
        field(sb, "DRIZZLE_EVENT", event.name());
        field(sb, "DRIZZLE_EVENT_ID", Integer.toString(event.id));
        if (job != null) {
            field(sb, "DRIZZLE_JOB_ID", job.id().toString());
            field(sb, "DRIZZLE_DISPLAY_NAME", job.displayName());
            field(sb, "DRIZZLE_OWNER", job.owner().name());
            field(sb, "DRIZZLE_OWNER_UID", Long.toString(job.owner().uid()));
            field(sb, "DRIZZLE_JOB_STATE", job.state().name());
        }
        field(sb, "DRIZZLE_MESSAGE", message);
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=').append(LogText.of(value)).append('\n');
    }

    List<String> command(SystemEvent event, String line) {
        return new ArrayList<>(List.of(logger, "-t", "drizzle", "--id=" + ProcessHandle.current().pid(),
                "-p", "daemon." + severityName(event.severity), "-u", socket.toString(), "--", line));
    }

    List<String> journaldCommand() {
        return List.of(logger, "--journald");
    }

    private void send(List<String> command, String stdin, String line) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                LOG.warn("logger failed for '{}': {}", line, LogText.of(out));
            }
        } catch (Exception e) {
            LOG.warn("Could not write to the system log: {}", LogText.of(e));
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
