package org.drizzle.engine.notify.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drizzle.engine.identity.windows.WindowsAccounts;
import org.drizzle.engine.identity.windows.WindowsApi;
import org.drizzle.engine.identity.windows.WtsSessions;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.notify.NotifyLauncher;

/**
 * Starts a notify program as the owner on Windows with CreateProcessAsUser and the owner's
 * session token (as BITS does), waits up to the time limit and kills it after. Output is not
 * captured: the program runs on the owner's desktop like BITS' own notify programs.
 */
public final class WindowsNotifyLauncher implements NotifyLauncher {
    /** The primary token a notify program runs with; the launcher closes it. */
    public interface TokenSource {
        WinNT.HANDLE tokenFor(Owner owner) throws IOException;
    }

    private static final int CREATE_NO_WINDOW = 0x08000000;
    private static final int CREATE_UNICODE_ENVIRONMENT = 0x00000400;
    private static final int WAIT_TIMEOUT = 0x102;

    private final TokenSource tokens;

    /** The owner's token from their logged-on session (WTSQueryUserToken; the service runs as LocalSystem). */
    public WindowsNotifyLauncher() {
        this(WindowsNotifyLauncher::sessionToken);
    }

    public WindowsNotifyLauncher(TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Outcome run(List<String> cmdLine, Owner owner, Duration timeLimit) throws IOException {
        WinNT.HANDLE token = tokens.tokenFor(owner);
        try {
            WinBase.STARTUPINFO si = new WinBase.STARTUPINFO();
            WinBase.PROCESS_INFORMATION pi = new WinBase.PROCESS_INFORMATION();
            if (!Advapi32.INSTANCE.CreateProcessAsUser(token, cmdLine.get(0), WindowsCommandLine.join(cmdLine), null, null,
                    false, CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT, null, null, si, pi)) {
                throw new IOException("CreateProcessAsUser failed for " + cmdLine.get(0) + ": " + Kernel32.INSTANCE.GetLastError());
            }
            try {
                int wait = Kernel32.INSTANCE.WaitForSingleObject(pi.hProcess, (int) Math.min(Integer.MAX_VALUE, timeLimit.toMillis()));
                if (wait == WAIT_TIMEOUT) {
                    Kernel32.INSTANCE.TerminateProcess(pi.hProcess, 1);
                    return new Outcome(-1, true, "");
                }
                IntByReference code = new IntByReference();
                Kernel32.INSTANCE.GetExitCodeProcess(pi.hProcess, code);
                return new Outcome(code.getValue(), false, "");
            } finally {
                Kernel32.INSTANCE.CloseHandle(pi.hThread);
                Kernel32.INSTANCE.CloseHandle(pi.hProcess);
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(token);
        }
    }

    private static WinNT.HANDLE sessionToken(Owner owner) throws IOException {
        for (Map.Entry<Integer, String> s : WtsSessions.loggedOn().entrySet()) {
            if (WindowsAccounts.sameAccount(s.getValue(), owner.name())) {
                WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
                if (WindowsApi.Wtsapi32Ext.INSTANCE.WTSQueryUserToken(s.getKey(), token)) {
                    return token.getValue();
                }
                throw new IOException("WTSQueryUserToken failed: " + Kernel32.INSTANCE.GetLastError());
            }
        }
        throw new IOException(owner.name() + " has no logged-on session; BITS runs notify programs only in the owner's session.");
    }
}
