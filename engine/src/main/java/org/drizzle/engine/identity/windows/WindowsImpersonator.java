package org.drizzle.engine.identity.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import org.drizzle.engine.identity.ImpersonationError;
import org.drizzle.engine.identity.Impersonator;
import org.drizzle.engine.identity.IoCall;
import org.drizzle.engine.job.Owner;

/**
 * Runs file I/O as a job's owner on Windows: the owner's token from their interactive session
 * (WTSQueryUserToken, which needs LocalSystem) goes on this thread with ImpersonateLoggedOnUser
 * and comes off with RevertToSelf in {@code finally}; if reverting fails the thread dies.
 * Like BITS, it needs the owner to be logged on.
 */
public final class WindowsImpersonator implements Impersonator {
    private final SessionTokens tokens;

    public WindowsImpersonator() {
        this(SessionTokens.LOGGED_ON);
    }

    public WindowsImpersonator(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public <T> T runAs(Owner owner, IoCall<T> call) throws IOException {
        WinNT.HANDLE token = tokens.tokenFor(owner);
        try {
            if (!Advapi32.INSTANCE.ImpersonateLoggedOnUser(token)) {
                throw new AccessDeniedException(owner.name(), null,
                        "ImpersonateLoggedOnUser failed: " + Kernel32.INSTANCE.GetLastError());
            }
            try {
                return call.call();
            } finally {
                if (!Advapi32.INSTANCE.RevertToSelf()) {
                    throw new ImpersonationError("RevertToSelf failed on " + Thread.currentThread().getName());
                }
            }
        } finally {
            Kernel32.INSTANCE.CloseHandle(token);
        }
    }
}
