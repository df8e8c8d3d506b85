package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.OwnerFiles;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TempAheadTest {
    @TempDir
    Path dir;
    Owner me;
    final TempAhead ahead = new TempAhead(new OwnerFiles(Impersonator.NONE));

    @BeforeAll
    static void linuxOnly() {
        assumeTrue(com.sun.jna.Platform.isLinux(), "the owner's file rules are Linux code here");
    }

    @org.junit.jupiter.api.BeforeEach
    void owner() throws Exception {
        me = new Owner((Integer) Files.getAttribute(dir, "unix:uid"), "me");
    }

    @Test
    void theFileOpenedAheadIsHandedOnlyToItsOwnIndexAndPath() throws Exception {
        Path t = dir.resolve(".BIT1.tmp");
        ahead.prepare(me, 3, t);
        assertThat(ahead.take(2, t)).isNull();
        ahead.prepare(me, 3, t);
        assertThat(ahead.take(3, dir.resolve("other"))).isNull();
        ahead.prepare(me, 3, t);
        try (FileChannel ch = ahead.take(3, t)) {
            assertThat(ch).isNotNull();
            assertThat(ch.isOpen()).isTrue();
        }
        assertThat(t).exists();
        assertThat(ahead.take(3, t)).isNull();
    }

    @Test
    void preparingTheNextFileLeavesTheTakenOneOpen() throws Exception {
        Path first = dir.resolve(".BIT4.tmp");
        Path second = dir.resolve(".BIT5.tmp");
        ahead.prepare(me, 0, first);
        try (FileChannel ch = ahead.take(0, first)) {
            ahead.prepare(me, 1, second);
            assertThat(ch.isOpen()).isTrue();
            try (FileChannel next = ahead.take(1, second)) {
                assertThat(next).isNotNull();
            }
        }
    }

    @Test
    void anUnusedChannelIsClosedAndAFailedOpenIsLeftToTheTransfer() throws Exception {
        ahead.prepare(me, 1, dir.resolve("missing-folder/.BIT2.tmp"));
        assertThat(ahead.take(1, dir.resolve("missing-folder/.BIT2.tmp"))).isNull();
        Path t = dir.resolve(".BIT3.tmp");
        ahead.prepare(me, 1, t);
        ahead.close();
        assertThat(ahead.take(1, t)).isNull();
        assertThat(Files.size(t)).isZero();
    }
}
