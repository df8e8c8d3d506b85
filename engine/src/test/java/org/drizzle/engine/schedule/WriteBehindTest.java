package org.drizzle.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTest {
    @TempDir
    Path dir;

    @Test
    void aForceReportsTheOffsetItCoveredOnceItHasReturned() throws IOException {
        WriteBehind behind = new WriteBehind();
        assertThat(behind.await()).isEqualTo(-1);
        assertThat(behind.idle()).isTrue();
        try (FileChannel ch = FileChannel.open(dir.resolve("t"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(1 << 20), 0);
            behind.start(ch, 1 << 20);
            assertThatThrownBy(() -> behind.start(ch, 1 << 20)).isInstanceOf(IllegalStateException.class);
            // Writing on while the force runs is the point of it.
            ch.write(ByteBuffer.allocate(1 << 20), 1 << 20);
            assertThat(behind.await()).isEqualTo(1 << 20);
            assertThat(behind.await()).isEqualTo(-1);
        }
    }

    @Test
    void aPreparedForceBeginsWhenAskedOrWaitedFor() throws Exception {
        WriteBehind behind = new WriteBehind();
        try (FileChannel ch = FileChannel.open(dir.resolve("t"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            WriteBehind.Force prepared = behind.prepare(ch, 7);
            Thread.sleep(50);
            assertThat(prepared).isNotDone();
            prepared.begin();
            assertThat(prepared.get()).isEqualTo(7);
            behind.await();
            // Waiting begins one nobody began.
            behind.prepare(ch, 9);
            assertThat(behind.await()).isEqualTo(9);
        }
    }

    @Test
    void theChannelClosesOnlyOnceItsForceHasReturned() throws Exception {
        WriteBehind behind = new WriteBehind();
        FileChannel ch = FileChannel.open(dir.resolve("t"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WriteBehind.Force prepared = behind.prepare(ch, 1);
        behind.closeAfter(ch);
        assertThat(ch.isOpen()).isTrue();
        assertThat(prepared.join()).isEqualTo(1);
        for (int i = 0; i < 100 && ch.isOpen(); i++) {
            Thread.sleep(10);
        }
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aFailedForceIsTheNextCheckpointsFailure() throws IOException {
        WriteBehind behind = new WriteBehind();
        FileChannel ch = FileChannel.open(dir.resolve("t"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        ch.close();
        behind.start(ch, 10);
        assertThatThrownBy(behind::await).isInstanceOf(ClosedChannelException.class);
        behind.start(ch, 10);
        behind.drain();
        assertThat(behind.idle()).isTrue();
    }
}
