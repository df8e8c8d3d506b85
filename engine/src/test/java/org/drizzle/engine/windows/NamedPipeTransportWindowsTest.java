package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.drizzle.engine.api.EngineClient;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.windows.WindowsApi;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.service.EngineHost;
import org.drizzle.engine.service.FrameCodec;
import org.drizzle.engine.service.NamedPipeServer;
import org.drizzle.engine.service.Protocol;
import org.drizzle.engine.service.RemoteEngine;
import org.drizzle.engine.service.ServiceControl;
import org.drizzle.engine.service.ServiceLimits;
import org.drizzle.engine.service.windows.PipeSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The service's named-pipe transport against the real pipe API: NamedPipeServer (CreateNamedPipe
 * with its security descriptor, ConnectNamedPipe, ImpersonateNamedPipeClient, ReadFile/WriteFile)
 * and RemoteEngine's overlapped client. The engine behind it answers who the caller is and an empty
 * job list: the real engine's store needs java.sql, which the lane's JRE lacks (docs/windows.md).
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class NamedPipeTransportWindowsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final int SE_KERNEL_OBJECT = 6;
    private static final int DACL_SECURITY_INFORMATION = 4;

    private final ObjectMapper json = Protocol.mapper();
    private final String pipe = "\\\\.\\pipe\\drizzle-test-" + Long.toHexString(System.nanoTime()) + "-" + COUNTER.incrementAndGet();
    private NamedPipeServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new NamedPipeServer(pipe, ServiceLimits.DEFAULTS, new Authorizer(Set.of(), refusal -> { }), new OwnerUmasks(0022), new ServiceControl() {
            @Override
            public Map<String, Object> status() {
                return Map.of("state", "RUNNING", "socket", pipe);
            }

            @Override
            public void requestStop() {
            }

            @Override
            public long serviceUid() {
                return -1;
            }
        });
        server.start(new CallerEchoHost());
        // WaitNamedPipe fails at once while the acceptor thread has not created the pipe yet.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Kernel32.INSTANCE.WaitNamedPipe(pipe, 1000)) {
            assertThat(System.nanoTime()).as("pipe %s is served", pipe).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void requestsRoundTripAndTheCallerIsWhoWindowsSays() throws Exception {
        try (RemoteEngine remote = RemoteEngine.connect(java.nio.file.Path.of(pipe))) {
            Principal caller = remote.caller();
            assertThat(caller.name()).endsWith("\\" + Advapi32Util.getUserName());
            assertThat(remote.serviceStatus()).containsEntry("state", "RUNNING").containsEntry("socket", pipe);
            assertThat(remote.listJobs(false)).isEmpty();
            assertThat(remote.caller()).isEqualTo(caller);
        }
    }

    @Test
    void malformedFramesGetAnErrorAndAnOversizedOneEndsTheConnection() throws Exception {
        try (RawPipe raw = new RawPipe(pipe)) {
            raw.send("{\"type\":\"hello\",\"version\":" + Protocol.VERSION + "}");
            assertThat(raw.receive().path("type").asText()).isEqualTo("hello");

            raw.send("this is not JSON {");
            JsonNode error = raw.receive().path("error");
            assertThat(error.path("code").asInt()).isEqualTo(ErrorCodes.E_INVALIDARG);
            assertThat(error.path("message").asText()).isEqualTo("The frame is not a JSON message.");

            // A 1 MB frame crosses the server's 64 KiB overlapped reads many times.
            raw.send("x".repeat(1_000_000));
            assertThat(raw.receive().path("error").path("message").asText()).isEqualTo("The frame is not a JSON message.");

            raw.send("{\"type\":\"request\",\"id\":5,\"method\":\"listJobs\",\"params\":{\"allUsers\":false}}");
            JsonNode ok = raw.receive();
            assertThat(ok.path("id").asLong()).isEqualTo(5);
            assertThat(ok.path("result").isArray()).isTrue();

            raw.out.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            raw.out.flush();
            JsonNode tooLarge = raw.receive().path("error");
            assertThat(tooLarge.path("message").asText()).contains("2147483647").contains(FrameCodec.MAX_FRAME + "-byte limit");
            assertThat(FrameCodec.read(raw.in)).as("the service closed the pipe").isNull();
        }
    }

    @Test
    void thePipeCarriesItsSecurityDescriptor() throws Exception {
        try (RawPipe raw = new RawPipe(pipe)) {
            PointerByReference sd = new PointerByReference();
            int rc = Advapi32.INSTANCE.GetSecurityInfo(raw.handle, SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION,
                    null, null, null, null, sd);
            assertThat(rc).as("GetSecurityInfo").isZero();
            PointerByReference text = new PointerByReference();
            assertThat(WindowsApi.Advapi32Ext.INSTANCE.ConvertSecurityDescriptorToStringSecurityDescriptor(sd.getValue(), 1,
                    DACL_SECURITY_INFORMATION, text, new IntByReference())).isTrue();
            String sddl = text.getValue().getWideString(0);
            Kernel32.INSTANCE.LocalFree(text.getValue());
            Kernel32.INSTANCE.LocalFree(sd.getValue());
            assertThat(sddl).isEqualToIgnoringCase(PipeSecurity.sddl(false));
        }
    }

    @Test
    void aSecondServerOnTheSameNameIsRefused() {
        assumeFalse(Wine.running(), "Wine does not enforce FILE_FLAG_FIRST_PIPE_INSTANCE");
        WinNT.HANDLE second = Kernel32.INSTANCE.CreateNamedPipe(pipe, WinBase.PIPE_ACCESS_DUPLEX | 0x00080000,
                WinBase.PIPE_TYPE_BYTE, WinBase.PIPE_UNLIMITED_INSTANCES, 4096, 4096, 0, null);
        assertThat(second).isEqualTo(WinBase.INVALID_HANDLE_VALUE);
        assertThat(Kernel32.INSTANCE.GetLastError()).isEqualTo(WinNT.ERROR_ACCESS_DENIED);
    }

    @Test
    void theMachinePipeLetsAuthenticatedUsersConnectButNotServe() {
        assertThat(PipeSecurity.sddl(true)).isEqualTo("D:P(A;;GA;;;SY)(A;;GA;;;BA)(A;;0x12019b;;;AU)");
        WinBase.SECURITY_ATTRIBUTES sa = PipeSecurity.attributes(PipeSecurity.sddl(true));
        assertThat(Advapi32.INSTANCE.IsValidSecurityDescriptor(sa.lpSecurityDescriptor)).isTrue();
    }

    /** A synchronous client end of the pipe speaking raw frames. */
    private final class RawPipe implements AutoCloseable {
        final WinNT.HANDLE handle;
        final InputStream in;
        final OutputStream out;

        RawPipe(String name) throws IOException {
            handle = Kernel32.INSTANCE.CreateFile(name, WinNT.GENERIC_READ | WinNT.GENERIC_WRITE, 0, null,
                    WinNT.OPEN_EXISTING, 0, null);
            if (WinBase.INVALID_HANDLE_VALUE.equals(handle)) {
                throw new IOException("CreateFile " + name + ": " + Kernel32.INSTANCE.GetLastError());
            }
            in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    byte[] buf = new byte[len];
                    IntByReference n = new IntByReference();
                    if (!Kernel32.INSTANCE.ReadFile(handle, buf, len, n, null) || n.getValue() == 0) {
                        return -1;
                    }
                    System.arraycopy(buf, 0, b, off, n.getValue());
                    return n.getValue();
                }
            };
            out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    byte[] buf = java.util.Arrays.copyOfRange(b, off, off + len);
                    if (!Kernel32.INSTANCE.WriteFile(handle, buf, len, new IntByReference(), null)) {
                        throw new IOException("WriteFile: " + Kernel32.INSTANCE.GetLastError());
                    }
                }
            };
        }

        void send(String text) throws IOException {
            FrameCodec.write(out, text.getBytes(StandardCharsets.UTF_8));
        }

        JsonNode receive() throws IOException {
            byte[] frame = FrameCodec.read(in, FrameCodec.MAX_REPLY);
            assertThat(frame).as("a reply frame").isNotNull();
            return json.readTree(frame);
        }

        @Override
        public void close() {
            Kernel32.INSTANCE.CloseHandle(handle);
        }
    }

    /** An engine that knows who called and has no jobs. */
    private static final class CallerEchoHost implements EngineHost {
        @Override
        public EngineClient clientFor(Principal caller) {
            return (EngineClient) Proxy.newProxyInstance(EngineClient.class.getClassLoader(), new Class<?>[] {EngineClient.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "caller" -> caller;
                        case "listJobs" -> List.of();
                        case "close" -> null;
                        default -> throw new BitsException(ErrorCodes.E_NOTIMPL, method.getName() + " is not served here");
                    });
        }

        @Override
        public void close() {
        }
    }
}
