package org.drizzle.engine.service.windows;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.drizzle.engine.identity.windows.WindowsApi;

/**
 * One server instance of a named pipe created with FILE_FLAG_OVERLAPPED, as blocking streams.
 * Overlapped because Windows serialises all I/O on a synchronous handle: a ReadFile waiting for
 * the client's next request would hold back the WriteFile of the reply to the previous one. The
 * read side and the write side each own an OVERLAPPED, an event and a native buffer, so one
 * thread may read while another writes.
 */
public final class OverlappedPipe implements Closeable {
    /** CreateNamedPipe's open-mode flag for this kind of instance. */
    public static final int FILE_FLAG_OVERLAPPED = 0x40000000;
    private static final int ERROR_IO_PENDING = 997;
    private static final int ERROR_PIPE_CONNECTED = 535;
    private static final int BUFFER = 64 * 1024;

    private final WinNT.HANDLE pipe;
    private final Operation reads = new Operation();
    private final Operation writes = new Operation();

    public OverlappedPipe(WinNT.HANDLE pipe) {
        this.pipe = pipe;
    }

    /** ConnectNamedPipe: waits for a client; false when the wait failed (the instance is then useless). */
    public boolean connect() {
        if (WindowsApi.Kernel32Ext.INSTANCE.ConnectNamedPipe(pipe, reads.prepare())) {
            return true;
        }
        int error = Kernel32.INSTANCE.GetLastError();
        return error == ERROR_PIPE_CONNECTED || error == ERROR_IO_PENDING && reads.await(pipe) >= 0;
    }

    public InputStream in() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = reads.run(pipe, false, Math.min(len, BUFFER));
                if (n <= 0) {
                    return -1; // ERROR_BROKEN_PIPE: the client went away
                }
                reads.buffer.read(0, b, off, n);
                return n;
            }
        };
    }

    public OutputStream out() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int chunk = Math.min(len, BUFFER);
                    writes.buffer.write(0, b, off, chunk);
                    int n = writes.run(pipe, true, chunk);
                    if (n != chunk) {
                        throw new IOException("WriteFile on the pipe failed: " + Kernel32.INSTANCE.GetLastError());
                    }
                    off += chunk;
                    len -= chunk;
                }
            }
        };
    }

    /** Lets the client read what is left, then disconnects and closes the instance and its events. */
    @Override
    public void close() {
        // DisconnectNamedPipe discards what the client has not read yet (a last error reply).
        Kernel32.INSTANCE.FlushFileBuffers(pipe);
        Kernel32.INSTANCE.DisconnectNamedPipe(pipe);
        Kernel32.INSTANCE.CloseHandle(pipe);
        reads.close();
        writes.close();
    }

    /** One direction's OVERLAPPED (x64 layout: Internal, InternalHigh, Offset, OffsetHigh, hEvent at 24), event and buffer. */
    private static final class Operation {
        private static final int OVERLAPPED_SIZE = 32;
        private static final int EVENT_OFFSET = 24;
        final Memory buffer = new Memory(BUFFER);
        private final Memory overlapped = new Memory(OVERLAPPED_SIZE);
        private final WinNT.HANDLE event = Kernel32.INSTANCE.CreateEvent(null, true, false, null);

        Memory prepare() {
            overlapped.clear();
            Kernel32.INSTANCE.ResetEvent(event);
            overlapped.setPointer(EVENT_OFFSET, event.getPointer());
            return overlapped;
        }

        /** One ReadFile or WriteFile of {@code length} buffer bytes, waited for; bytes moved, or -1. */
        int run(WinNT.HANDLE pipe, boolean write, int length) {
            Memory ov = prepare();
            boolean done = write ? WindowsApi.Kernel32Ext.INSTANCE.WriteFile(pipe, buffer, length, null, ov)
                    : WindowsApi.Kernel32Ext.INSTANCE.ReadFile(pipe, buffer, length, null, ov);
            if (!done && Kernel32.INSTANCE.GetLastError() != ERROR_IO_PENDING) {
                return -1;
            }
            return await(pipe);
        }

        int await(WinNT.HANDLE pipe) {
            IntByReference moved = new IntByReference();
            return WindowsApi.Kernel32Ext.INSTANCE.GetOverlappedResult(pipe, overlapped, moved, true) ? moved.getValue() : -1;
        }

        void close() {
            Kernel32.INSTANCE.CloseHandle(event);
        }
    }
}
