package org.drizzle.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of {@link OwnerFiles} as this process's own user (Linux; the root-only
 * security tests play them against the machine service with real users).
 */
class OwnerFilesTest {
    final OwnerFiles files = new OwnerFiles(Impersonator.NONE);
    final Owner me = new Owner(UnixIds.currentUid(), "me");

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(com.sun.jna.Platform.isLinux(), "Linux rules: /proc, /dev and descriptor links");
    }

    private String read(Path p) throws Exception {
        try (FileChannel in = files.openToRead(me, p)) {
            ByteBuffer b = ByteBuffer.allocate((int) in.size());
            in.read(b);
            return new String(b.array());
        }
    }

    @Test
    void aRegularFileIsReadThroughAnyChainOfLinks(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(Files.createDirectory(dir.resolve("d")).resolve("f.txt"), "content");
        Files.createSymbolicLink(dir.resolve("abs"), file);
        Files.createSymbolicLink(dir.resolve("rel"), Path.of("d/f.txt"));
        Files.createSymbolicLink(dir.resolve("dirlink"), Path.of("d"));
        Files.createSymbolicLink(dir.resolve("chain"), dir.resolve("abs"));
        for (Path p : List.of(file, dir.resolve("abs"), dir.resolve("rel"), dir.resolve("dirlink/f.txt"),
                dir.resolve("chain"), dir.resolve("dirlink/../d/./f.txt"))) {
            assertThat(read(p)).as(p.toString()).isEqualTo("content");
        }
        assertThat(files.attributes(me, dir.resolve("chain")).size()).isEqualTo(7);
        assertThat(files.readAll(me, dir.resolve("rel"), 100)).isEqualTo("content".getBytes());
        assertThatThrownBy(() -> files.readAll(me, file, 3)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void procDevAndLinksIntoThemAreRefused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("held.txt"), "held open");
        try (FileChannel held = FileChannel.open(file, StandardOpenOption.READ)) {
            String fd = null;
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                for (Path p : (Iterable<Path>) fds::iterator) {
                    if (file.equals(Files.readSymbolicLink(p))) {
                        fd = p.getFileName().toString();
                    }
                }
            }
            assertThat(fd).isNotNull();
            Files.createSymbolicLink(dir.resolve("to-fd"), Path.of("/proc/self/fd/" + fd));
            Files.createSymbolicLink(dir.resolve("to-proc"), Path.of("/proc/self"));
            Files.createSymbolicLink(dir.resolve("to-dev"), Path.of("/dev"));
            for (Path p : List.of(Path.of("/proc/self/fd/" + fd), Path.of("/dev/fd/" + fd), Path.of("/proc/self/status"),
                    Path.of("/dev/stdin"), Path.of("/dev/null"), dir.resolve("to-fd"), dir.resolve("to-proc/fd/" + fd),
                    dir.resolve("to-dev/null"), Path.of("/tmp/../proc/self/environ"))) {
                assertThatThrownBy(() -> files.openToRead(me, p)).as(p.toString()).isInstanceOf(AccessDeniedException.class)
                        .hasMessageContaining("which no job may read or write");
                assertThatThrownBy(() -> files.attributes(me, p)).as(p.toString()).isInstanceOf(AccessDeniedException.class);
            }
        }
    }

    @Test
    void fifosFoldersAndMissingFilesFailAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> files.openToRead(me, fifo)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("not a regular file");
            assertThatThrownBy(() -> files.openToWrite(me, fifo, false)).isInstanceOf(AccessDeniedException.class);
        });
        assertThatThrownBy(() -> files.openToRead(me, dir)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("folder");
        assertThatThrownBy(() -> files.openToRead(me, dir.resolve("missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> files.openToRead(me, dir.resolve("missing/x"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void writesCreateRegularFilesAndNeverFollowALink(@TempDir Path dir) throws Exception {
        Path temp = dir.resolve(".BIT0001.tmp");
        try (FileChannel out = files.openToWrite(me, temp, false)) {
            out.write(ByteBuffer.wrap("abc".getBytes()));
        }
        try (FileChannel out = files.openToWrite(me, temp, true)) {
            assertThat(out.size()).isZero();
        }
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Path planted = dir.resolve(".BIT0002.tmp");
        Files.createSymbolicLink(planted, victim);
        assertThatThrownBy(() -> files.openToWrite(me, planted, true)).isInstanceOf(AccessDeniedException.class);
        assertThat(Files.readString(victim)).isEqualTo("keep");
        assertThatThrownBy(() -> files.openToWrite(me, Path.of("/proc/self/x"), false))
                .isInstanceOf(AccessDeniedException.class);
    }
}
