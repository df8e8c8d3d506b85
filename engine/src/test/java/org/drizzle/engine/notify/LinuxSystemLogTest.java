package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drizzle.engine.identity.Jobs;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job events reach a syslog socket through util-linux logger, as facility daemon with tag drizzle. */
class LinuxSystemLogTest {

    @Test
    void anErrorEntryArrivesWithDaemonErrPriority(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/logger")), "needs util-linux logger");
        Path socket = dir.resolve("log");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            LinuxSystemLog log = new LinuxSystemLog(socket, dir.resolve("no-journal"));
            var job = Jobs.job(JobId.random(), new Owner(1000, "alice"), JobState.ERROR, 3, List.of());
            log.record(SystemEvent.JOB_ERROR, job, "error 0x80190194: not found");
            StringBuilder got = new StringBuilder();
            try (SocketChannel c = server.accept()) {
                ByteBuffer buf = ByteBuffer.allocate(4096);
                while (c.read(buf) > 0) {
                    buf.flip();
                    got.append(StandardCharsets.UTF_8.decode(buf));
                    buf.clear();
                }
            }
            log.close();
            // <27> = facility daemon (3) * 8 + severity err (3)
            assertThat(got.toString()).startsWith("<27>").contains("drizzle[" + ProcessHandle.current().pid() + "]")
                    .contains("[JOB_ERROR 8] job " + job.id() + " 'test' owner alice: error 0x80190194: not found");
        }
    }

    @Test
    void journaldGetsOneEscapedFieldPerLine() {
        var job = Jobs.job(JobId.random(), new Owner(1000, "alice"), JobState.ERROR, 3, List.of());
        job = new org.drizzle.engine.job.JobInfo(job.id(), "nightly\nDRIZZLE_OWNER=root", job.description(), job.type(),
                job.priority(), job.state(), job.owner(), job.files(), job.progress(), job.creationTime(),
                job.modificationTime(), job.transferCompletionTime(), job.error(), job.errorCount(),
                job.minimumRetryDelay(), job.noProgressTimeout(), job.maxDownloadTime(), job.notifyFlags(),
                job.notifyCmdLine(), job.proxyUsage(), job.proxyList(), job.proxyBypass(), job.credentials(),
                job.customHeaders(), job.customHeadersWriteOnly(), job.securityFlags(), job.transferPolicy(),
                job.dynamic(), job.httpMethod(), job.aclFlags(), job.clientCertificate(), job.replyFileName(),
                job.replyProgress(), job.blockedReason(), job.currentRate(), job.nextRetryTime());
        String message = "error 0x80190194: not\r\nfound";
        String line = LinuxSystemLog.format(SystemEvent.JOB_ERROR, job, message);
        List<String> fields = LinuxSystemLog.journalFields(SystemEvent.JOB_ERROR, job, line, message).lines().toList();
        assertThat(fields).contains("PRIORITY=3", "SYSLOG_IDENTIFIER=drizzle", "DRIZZLE_EVENT=JOB_ERROR",
                "DRIZZLE_EVENT_ID=8", "DRIZZLE_JOB_ID=" + job.id(), "DRIZZLE_DISPLAY_NAME=nightly\\nDRIZZLE_OWNER=root",
                "DRIZZLE_OWNER=alice", "DRIZZLE_OWNER_UID=1000", "DRIZZLE_MESSAGE=error 0x80190194: not\\r\\nfound");
        assertThat(fields).filteredOn(f -> f.startsWith("DRIZZLE_OWNER=")).containsExactly("DRIZZLE_OWNER=alice");
        assertThat(fields).allMatch(f -> f.matches("[A-Z_]+=.*"));
    }
}
