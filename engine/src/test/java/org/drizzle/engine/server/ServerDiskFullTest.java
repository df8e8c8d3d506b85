package org.drizzle.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.job.ErrorCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk on the server is 500 + ERROR_DISK_FULL (a 64 KB tmpfs; needs root to mount it). */
class ServerDiskFullTest {
    @TempDir
    Path tmp;
    private Path mounted;

    @Test
    void fullDiskIs500DiskFull() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: mounts a tiny tmpfs");
        Path root = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", root.toString()) == 0, "needs root: mount tmpfs");
        mounted = root;
        try (BitsServer server = BitsServer.builder().virtualDirectory(VirtualDirectory.of("/", root)).build().start();
             RawBits bits = new RawBits(server.baseUri())) {
            String id = bits.session("/big.bin");
            RawBits.Reply r = bits.fragment("/big.bin", id, 0, 300_000, BitsServerProtocolTest.bytes(300_000, 1));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo(ErrorCodes.ERROR_DISK_FULL);
            assertThat(ErrorCodes.isTransient(r.errorCode())).isTrue();
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
