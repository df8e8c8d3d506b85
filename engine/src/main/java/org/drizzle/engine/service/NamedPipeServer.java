package org.drizzle.engine.service;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.drizzle.engine.identity.Authorizer;
import org.drizzle.engine.identity.ImpersonationError;
import org.drizzle.engine.identity.OwnerUmasks;
import org.drizzle.engine.identity.Principal;
import org.drizzle.engine.identity.windows.WindowsAccounts;
import org.drizzle.engine.identity.windows.WindowsApi;
import org.drizzle.engine.service.windows.OverlappedPipe;
import org.drizzle.engine.service.windows.PipeSecurity;
import org.drizzle.engine.wire.StreamChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Windows transport: a local named pipe ({@code \\.\pipe\drizzle}, remote
 * clients rejected). Each client is identified by impersonating it on the pipe
 * (ImpersonateNamedPipeClient) and reading the thread token's user and groups; then the same
 * {@link ClientConnection} protocol runs over overlapped ReadFile/WriteFile ({@link OverlappedPipe}). The pipe carries
 * {@link PipeSecurity}'s descriptor and is created first-instance-only.
 */
public final class NamedPipeServer implements ServiceTransport {
    private static final Logger LOG = LoggerFactory.getLogger(NamedPipeServer.class);
    /** The machine service's pipe. */
    public static final String DEFAULT_PIPE = "\\\\.\\pipe\\drizzle";
    private static final int PIPE_REJECT_REMOTE_CLIENTS = 0x8;
    /** Fails if anyone else already serves this pipe name (pipe squatting). */
    private static final int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000;
    private static final int BUFFER = 64 * 1024;

    private final String pipe;
    private final ServiceLimits limits;
    private final OwnerUmasks umasks;
    private final AtomicLong counter = new AtomicLong();
    private volatile boolean open = true;
    private final AtomicInteger connected = new AtomicInteger();

    private final Authorizer authorizer;

    private final ServiceControl control;

    public NamedPipeServer(String name, ServiceLimits limits, Authorizer authorizer, OwnerUmasks umasks, ServiceControl control) {
        this.pipe = pipeName(name);
        this.limits = limits;
        this.control = control;
        this.authorizer = authorizer;
        this.umasks = umasks;
    }

    /** A pipe path as given, or the default pipe when given a Unix socket path. */
    static String pipeName(String name) {
        return isPipeName(name) ? name : DEFAULT_PIPE;
    }

    /** Whether {@code name} is a local named-pipe path ({@code \\.\pipe\...}). */
    public static boolean isPipeName(String name) {
        return name != null && name.startsWith("\\\\.\\pipe\\");
    }

    @Override
    public int connections() {
        return connected.get();
    }

    @Override
    public String address() {
        return pipe;
    }

    @Override
    public void start(EngineHost engine) {
        Thread acceptor = new Thread(() -> acceptLoop(engine), "drizzle-pipe-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(EngineHost engine) {
        WinBase.SECURITY_ATTRIBUTES security = PipeSecurity.attributes(PipeSecurity.sddl(DEFAULT_PIPE.equals(pipe)));
        int first = FILE_FLAG_FIRST_PIPE_INSTANCE;
        while (open) {
            WinNT.HANDLE h = Kernel32.INSTANCE.CreateNamedPipe(pipe,
                    WinBase.PIPE_ACCESS_DUPLEX | OverlappedPipe.FILE_FLAG_OVERLAPPED | first,
                    WinBase.PIPE_TYPE_BYTE | WinBase.PIPE_READMODE_BYTE | WinBase.PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
                    WinBase.PIPE_UNLIMITED_INSTANCES, BUFFER, BUFFER, 0, security);
            first = 0;
            if (WinBase.INVALID_HANDLE_VALUE.equals(h)) {
                LOG.error("CreateNamedPipe {} failed: {}", pipe, Kernel32.INSTANCE.GetLastError());
                return;
            }
            OverlappedPipe p = new OverlappedPipe(h);
            if (!p.connect()) {
                p.close();
                continue;
            }
            if (connected.get() >= limits.maxConnections()) {
                LOG.warn("Refused a client on {}: {} connections (maxConnections)", pipe, connected.get());
                p.close();
                continue;
            }
            String name = "drizzle-client-" + counter.incrementAndGet();
            ClientConnection c = new ClientConnection(name, () -> callerOf(h), new StreamChannel(p.in(), p.out(), p::close),
                    limits.wire(), engine, umasks, authorizer, control);
            Thread t = new Thread(() -> {
                connected.incrementAndGet();
                try {
                    c.run();
                } finally {
                    connected.decrementAndGet();
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Who is on the pipe: impersonate, read the thread token, revert. */
    private static Principal callerOf(WinNT.HANDLE pipeHandle) throws IOException {
        if (!WindowsApi.Advapi32Ext.INSTANCE.ImpersonateNamedPipeClient(pipeHandle)) {
            throw new IOException("ImpersonateNamedPipeClient failed: " + Kernel32.INSTANCE.GetLastError());
        }
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        try {
            if (!Advapi32.INSTANCE.OpenThreadToken(Kernel32.INSTANCE.GetCurrentThread(), WinNT.TOKEN_QUERY, true, token)) {
                throw new IOException("OpenThreadToken failed: " + Kernel32.INSTANCE.GetLastError());
            }
            Advapi32Util.Account user = Advapi32Util.getTokenAccount(token.getValue());
            List<String> groups = new ArrayList<>();
            for (Advapi32Util.Account g : Advapi32Util.getTokenGroups(token.getValue())) {
                groups.add(g.sidString);
            }
            String name = WindowsAccounts.accountName(user.domain, user.name);
            return new Principal(WindowsAccounts.ridOf(user.sidString), 0, name,
                    WindowsAccounts.isAdministrator(user.sidString, groups));
        } finally {
            if (token.getValue() != null) {
                Kernel32.INSTANCE.CloseHandle(token.getValue());
            }
            if (!Advapi32.INSTANCE.RevertToSelf()) {
                throw new ImpersonationError("RevertToSelf failed after identifying a pipe client");
            }
        }
    }

    @Override
    public void close() {
        open = false;
    }
}
