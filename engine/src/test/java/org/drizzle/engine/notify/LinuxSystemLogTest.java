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
}
