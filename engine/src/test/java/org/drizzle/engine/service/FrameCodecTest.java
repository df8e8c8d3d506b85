package org.drizzle.engine.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.time.Instant;
import java.util.List;
import org.drizzle.engine.api.JobEvent;
import org.drizzle.engine.identity.Jobs;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.JobInfo;
import org.drizzle.engine.job.JobState;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;

/** Frames on the wire and messages through Jackson. */
class FrameCodecTest {

    @Test
    void framesRoundTripAndBadLengthsAreRefusedBeforeReading() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameCodec.write(out, "{\"a\":1}".getBytes());
        FrameCodec.write(out, new byte[0]);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        assertThat(new String(FrameCodec.read(in))).isEqualTo("{\"a\":1}");
        assertThat(FrameCodec.read(in)).isEmpty();
        assertThat(FrameCodec.read(in)).isNull();
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(new byte[] {0, 0x40, 0, 1})))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("4194305");
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(new byte[] {(byte) 0xff, 0, 0, 0})))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, '{'})))
                .isInstanceOf(EOFException.class).hasMessageContaining("inside a 9-byte frame");
        assertThatThrownBy(() -> FrameCodec.read(new ByteArrayInputStream(new byte[] {0, 0})))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void eventsCarryWholeJobSnapshots() throws Exception {
        JobInfo job = Jobs.job(JobId.random(), new Owner(1000, "alice"), JobState.TRANSFERRED, 3, List.of("/bin/x", "a"));
        Message m = Message.event(7, new JobEvent(JobEvent.Kind.TRANSFERRED, job, Instant.parse("2026-11-24T13:00:00Z")));
        byte[] wire = Protocol.mapper().writeValueAsBytes(m);
        Message back = Protocol.mapper().readValue(wire, Message.class);
        assertThat(back.event().job()).isEqualTo(job);
        assertThat(back.event().at()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
        var tree = Protocol.mapper().readTree(wire);
        assertThat(tree.get("type").asText()).isEqualTo("event");
        assertThat(tree.has("error")).isFalse();
    }
}
