package org.drizzle.engine.transfer.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.drizzle.engine.transfer.FileRangeEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fragment's body: exactly the file region, metered through the governor, stoppable, and refusing a shrunk source. */
class FragmentBodyTest {
    @TempDir
    Path tmp;
    byte[] data;
    Path file;
    SavedStateSession session;

    @BeforeEach
    void source() throws Exception {
        data = new byte[1_000_000];
        new Random(3).nextBytes(data);
        file = Files.write(tmp.resolve("src.bin"), data);
        session = new SavedStateSession(tmp.resolve("state"), URI.create("http://127.0.0.1:1/x"), file);
    }

    @Test
    void writesExactlyTheRegionAndMetersIt() throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FragmentBody.of(ch, 12_345, 600_000, session).writeTo(out);
            assertThat(out.toByteArray()).isEqualTo(Arrays.copyOfRange(data, 12_345, 612_345));
            assertThat(session.metered.get()).isEqualTo(600_000);
        }
    }

    @Test
    void aSourceShorterThanTheFragmentFails() throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThatThrownBy(() -> FragmentBody.of(ch, 900_000, 200_000, session).writeTo(new ByteArrayOutputStream()))
                    .isInstanceOf(FileRangeEntity.SourceShrunk.class).hasMessageContaining("1000000");
        }
    }

    @Test
    void aStopRequestAbortsTheFragment() throws Exception {
        session.stopAfterSent = sent -> sent > 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThatThrownBy(() -> FragmentBody.of(ch, 0, 1_000_000, session).writeTo(out))
                    .isInstanceOf(FragmentBody.Stopped.class);
            assertThat(out.size()).as("stopped after the first chunk").isEqualTo(FragmentBody.CHUNK);
        }
    }
}
