package org.drizzle.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.drizzle.engine.identity.ThrowawayUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 1, played by a hostile user against the machine service (root only): a local
 * source is read only through a path the owner could open by name, with the owner's identity;
 * never a descriptor or another file of the service's process: /proc and /dev sources, and links
 * into them, fail with E_ACCESSDENIED and copy nothing. A source that keeps changing fails and
 * leaves no temp file.
 */
class LocalSourceSecurityTest {
    static final String E_ACCESSDENIED = "0x80070005";
    static final String SECRET = "service-only secret " + System.nanoTime();
    static FilesSecurityService fx;
    static FilesSecurityService.User mallory;
    static Path secretDir;
    static FileChannel heldOpen;
    static int secretFd;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates users and runs the machine service");
        fx = new FilesSecurityService();
        mallory = fx.user("m");
        // A file only the service's process can reach: 0644 itself, but in a folder only root may enter,
        // and held open by the service's process (as its store and log are).
        secretDir = Files.createTempDirectory("drizzle-sf-secret");
        Files.setPosixFilePermissions(secretDir, PosixFilePermissions.fromString("rwx------"));
        Path secret = secretDir.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        heldOpen = FileChannel.open(secret, StandardOpenOption.READ);
        secretFd = fdOf(secret);
    }

    @AfterAll
    static void stop() throws Exception {
        if (heldOpen != null) {
            heldOpen.close();
        }
        if (fx != null) {
            fx.close();
        }
        FilesSecurityService.deleteTree(secretDir);
    }

    /** The number of this process's descriptor open on {@code file}. */
    static int fdOf(Path file) throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).equals(file)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        throw new IOException("no descriptor open on " + file);
    }

    /** Every descriptor the service's process holds on a regular file (store, WAL, logs, jars...). */
    static List<Integer> serviceFileFds() throws IOException {
        List<Integer> fds = new ArrayList<>();
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) list::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.isAbsolute() && Files.isRegularFile(target)) {
                        fds.add(Integer.parseInt(fd.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return fds;
    }

    private static JsonNode failed(String source) throws Exception {
        Path dest = mallory.home().resolve("loot-" + System.nanoTime());
        String id = mallory.ok("download", "hostile", source, dest.toString()).asText();
        JsonNode job = mallory.await(id, Duration.ofSeconds(30), "ERROR", "TRANSIENT_ERROR", "TRANSFERRED");
        mallory.ok("cancel", id);
        assertThat(dest).as(source).doesNotExist();
        return job;
    }

    private static void assertRefused(String source) throws Exception {
        JsonNode job = failed(source);
        assertThat(job.get("state").asText()).as(source).isEqualTo("ERROR");
        assertThat(job.get("code").asText()).as(source).isEqualTo(E_ACCESSDENIED);
        assertThat(job.get("description").asText()).as(source).doesNotContain("java.", "Exception", SECRET);
    }

    @Test
    void descriptorsOfTheServiceAreRefused() throws Exception {
        long pid = ProcessHandle.current().pid();
        List<String> sources = new ArrayList<>(List.of(
                "file:///proc/self/fd/" + secretFd,
                "/proc/self/fd/" + secretFd,
                "/proc/" + pid + "/fd/" + secretFd,
                "/proc/thread-self/fd/" + secretFd,
                "/dev/fd/" + secretFd,
                "file:///dev/fd/" + secretFd,
                "/proc/" + pid + "/maps",
                "/proc/self/cwd/pom.xml",
                "/dev/stdin",
                "/proc/self/../self/fd/" + secretFd));
        for (int fd : serviceFileFds()) {
            if (fd != secretFd && sources.size() < 16) {
                sources.add("/proc/self/fd/" + fd);
            }
        }
        for (String source : sources) {
            assertRefused(source);
        }
        assertNothingLeaked();
    }

    @Test
    void linksIntoProcAndDevAreRefused() throws Exception {
        Path home = mallory.home();
        List<Path> links = List.of(
                link(home.resolve("fd-link"), Path.of("/proc/self/fd/" + secretFd)),
                link(home.resolve("dev-link"), Path.of("/dev/fd/" + secretFd)),
                link(home.resolve("proc-dir"), Path.of("/proc/self")),
                link(home.resolve("relative"), Path.of("../../proc/self/fd/" + secretFd)),
                link(home.resolve("chain"), home.resolve("fd-link")));
        for (Path l : links) {
            assertRefused(l.toString());
        }
        assertRefused(home.resolve("proc-dir").resolve("fd").resolve(Integer.toString(secretFd)).toString());
        assertNothingLeaked();
    }

    @Test
    void aFileTheOwnerCanOpenByNameStillTransfers() throws Exception {
        Path home = mallory.home();
        Path own = home.resolve("own.txt");
        Files.writeString(own, "mine");
        chownToMallory(own);
        Path viaLink = link(home.resolve("own-link"), own);
        Path dest = home.resolve("own-copy.txt");
        String id = mallory.ok("download", "own", viaLink.toString(), dest.toString()).asText();
        mallory.await(id, Duration.ofSeconds(30), "TRANSFERRED");
        mallory.ok("complete", id);
        assertThat(Files.readString(dest)).isEqualTo("mine");

        // By name the secret is out of reach, as it is for mallory herself.
        JsonNode job = failed(secretDir.resolve("secret.txt").toString());
        assertThat(job.get("code").asText()).isEqualTo(E_ACCESSDENIED);
    }

    @Test
    void aSourceThatKeepsChangingLeavesNoTempFile() throws Exception {
        Path folder = Files.createDirectory(mallory.home().resolve("changing-" + System.nanoTime()));
        chownToMallory(folder);
        Path source = folder.resolve("growing.bin");
        Files.write(source, new byte[16 * 1024 * 1024]);
        chownToMallory(source);
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            byte[] chunk = new byte[4096];
            try (FileChannel out = FileChannel.open(source, StandardOpenOption.APPEND)) {
                while (!stop.get()) {
                    out.write(java.nio.ByteBuffer.wrap(chunk));
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException e) {
                // the test ends it
            }
        });
        writer.start();
        try {
            Path dest = folder.resolve("copy.bin");
            String id = mallory.ok("download", "changing", source.toString(), dest.toString()).asText();
            JsonNode job = mallory.await(id, Duration.ofSeconds(60), "ERROR", "TRANSFERRED");
            assertThat(job.get("code").asText()).isEqualTo("0x8020001D");
            try (var left = Files.list(folder)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly("growing.bin");
            }
            mallory.ok("cancel", id);
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    @Test
    void uploadSourcesFollowTheSameRules() throws Exception {
        for (String source : List.of("/proc/self/fd/" + secretFd, "/dev/fd/" + secretFd,
                link(mallory.home().resolve("up-link"), Path.of("/proc/self/fd/" + secretFd)).toString())) {
            // Nothing listens on port 9: only reading the source could get anywhere.
            String reply = mallory.send("upload", "hostile-upload", "http://127.0.0.1:9/up", source);
            if (reply.startsWith("ERR ")) {
                assertThat(reply).as(source).startsWith("ERR " + E_ACCESSDENIED);
                assertThat(reply).doesNotContain(Long.toString(SECRET.length()));
                continue;
            }
            String id = reply.substring(3).replace("\"", "");
            JsonNode job = mallory.await(id, Duration.ofSeconds(30), "ERROR", "TRANSIENT_ERROR");
            mallory.ok("cancel", id);
            assertThat(job.get("code").asText()).as(source).isEqualTo(E_ACCESSDENIED);
            assertThat(job.get("total").asLong()).as(source).isNotEqualTo(SECRET.length());
        }
    }

    private static Path link(Path link, Path target) throws Exception {
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target);
        new ProcessBuilder("chown", "-h", mallory.account.name(), link.toString()).start().waitFor();
        return link;
    }

    private static void chownToMallory(Path p) throws Exception {
        new ProcessBuilder("chown", mallory.account.name() + ":", p.toString()).start().waitFor();
    }

    /** No file in mallory's home holds the secret. */
    private static void assertNothingLeaked() throws IOException {
        try (var walk = Files.walk(mallory.home())) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString())
                            .doesNotContain(SECRET);
                }
            }
        }
    }
}
