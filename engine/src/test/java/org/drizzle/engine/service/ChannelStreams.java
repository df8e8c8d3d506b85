package org.drizzle.engine.service;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ByteChannel;

/**
 * Blocking streams over a socket channel that, unlike {@code Channels.newInputStream}, take no
 * channel-wide lock, so one thread can block reading while another writes events.
 */
final class ChannelStreams {
    private ChannelStreams() {
    }

    static InputStream in(ByteChannel ch) {
        return BlockingStreams.in(ch::read);
    }

    static OutputStream out(ByteChannel ch) {
        return BlockingStreams.out(ch::write);
    }
}
