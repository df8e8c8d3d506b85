package org.drizzle.engine.identity.windows;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import org.drizzle.engine.job.Owner;

/**
 * The primary token of a job's owner, for impersonation and notify programs; the caller closes it.
 * {@link #LOGGED_ON}: from the owner's logged-on session (WTSEnumerateSessions, then
 * WTSQueryUserToken, which needs LocalSystem); like BITS, nothing runs for an owner who is not logged on.
 */
public interface SessionTokens {
    SessionTokens LOGGED_ON = SessionTokens::fromSession;

    WinNT.HANDLE tokenFor(Owner owner) throws IOException;

    private static WinNT.HANDLE fromSession(Owner owner) throws IOException {
        for (Map.Entry<Integer, String> s : WtsSessions.loggedOn().entrySet()) {
            if (WindowsAccounts.sameAccount(s.getValue(), owner.name())) {
                WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
                if (WindowsApi.Wtsapi32Ext.INSTANCE.WTSQueryUserToken(s.getKey(), token)) {
                    return token.getValue();
                }
                throw new AccessDeniedException(owner.name(), null,
                        "WTSQueryUserToken failed: " + Kernel32.INSTANCE.GetLastError());
            }
        }
        throw new AccessDeniedException(owner.name(), null, owner.name() + " has no logged-on session (0x800704DD)");
    }
}
