package org.drizzle.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-thread impersonation with real users and real files (root only). */
class LinuxImpersonatorTest {
    static ThrowawayUsers users;
    static Account alice;
    static OwnerUmasks umasks = new OwnerUmasks(022);
    static LinuxImpersonator impersonator;

    @BeforeAll
    static void setUp() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: creates users and changes file-system identity");
        users = new ThrowawayUsers();
        alice = users.create("dzia");
        impersonator = new LinuxImpersonator(umasks);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (users != null) {
            users.close();
        }
    }

    private static Owner owner() {
        return new Owner(alice.uid(), alice.name());
    }

    @Test
    void filesAreCreatedAsTheOwnerWithTheOwnersUmask(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        umasks.report(alice.uid(), 077);
        Path file = dir.resolve("owned");
        impersonator.runAs(owner(), () -> Files.write(file, new byte[] {1}));
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo((int) alice.uid());
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo((int) alice.gid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // the service's own identity and umask are back afterwards
        Path mine = dir.resolve("mine");
        Files.write(mine, new byte[] {1});
        assertThat(Files.getAttribute(mine, "unix:uid")).isEqualTo(0);
        assertThat(impersonator.currentFsuid()).isZero();
    }

    @Test
    void confusedDeputyIsRefusedAndNothingIsCreated() throws Exception {
        Path rootOnly = Files.createTempDirectory("drizzle-root-owned");
        try {
            Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path target = rootOnly.resolve("x");
            assertThatThrownBy(() -> impersonator.runAs(owner(), () -> Files.write(target, new byte[] {1})))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(target).doesNotExist();
        } finally {
            Files.deleteIfExists(rootOnly.resolve("x"));
            Files.delete(rootOnly);
        }
    }

    @Test
    void onlyTheCallingThreadChanges() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicReference<String> impersonating = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                impersonator.runAs(owner(), () -> {
                    impersonating.set(fsuidLine());
                    inside.countDown();
                    try {
                        checked.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        t.start();
        inside.await();
        String here = fsuidLine();
        checked.countDown();
        t.join();
        // Uid: real effective saved fs
        assertThat(impersonating.get().split("\\s+")).containsExactly("Uid:", "0", "0", "0", Long.toString(alice.uid()));
        assertThat(here.split("\\s+")).containsExactly("Uid:", "0", "0", "0", "0");
    }

    private static String fsuidLine() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/thread-self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow();
    }

    @Test
    void ownerWithoutAccountIsRefused() {
        assertThatThrownBy(() -> impersonator.runAs(new Owner(4_242_424, "ghost"), () -> null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("4242424");
    }
}
