package org.drizzle.engine.notify.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.drizzle.engine.identity.windows.SessionTokens;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.notify.NotifyCommandLine;
import org.drizzle.engine.notify.NotifyLauncher;

/**
 * Starts a notify program as the owner on Windows with CreateProcessAsUser and the owner's
 * session token (as BITS does), waits up to the time limit and kills it after. Output is not
 * captured: the program runs on the owner's desktop like BITS' own notify programs.
 */
public final class WindowsNotifyLauncher implements NotifyLauncher {

    private static final int CREATE_NO_WINDOW = 0x08000000;
    private static final int CREATE_UNICODE_ENVIRONMENT = 0x00000400;
    private static final int WAIT_TIMEOUT = 0x102;

    private final SessionTokens tokens;

    /** The owner's token from their logged-on session (the service runs as LocalSystem). */
    public WindowsNotifyLauncher() {
        this(SessionTokens.LOGGED_ON);
    }

    public WindowsNotifyLauncher(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Outcome run(List<String> cmdLine, Owner owner, Duration timeLimit) throws IOException {
        WinNT.HANDLE token = tokens.tokenFor(owner);
        try {
            WinBase.STARTUPINFO si = new WinBase.STARTUPINFO();
            WinBase.PROCESS_INFORMATION pi = new WinBase.PROCESS_INFORMATION();
            if (!Advapi32.INSTANCE.CreateProcessAsUser(token, cmdLine.get(0), WindowsCommandLine.join(NotifyCommandLine.argv(cmdLine)), null, null,
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
}
