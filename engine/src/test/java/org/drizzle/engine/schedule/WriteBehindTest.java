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
