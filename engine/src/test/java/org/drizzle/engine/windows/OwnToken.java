package org.drizzle.engine.windows;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import org.drizzle.engine.identity.windows.WindowsApi;
import org.drizzle.engine.job.Owner;

/** Stands in for the owner's session lookup (Wine lists no sessions): this process's own user's token. */
final class OwnToken {
    private OwnToken() {
    }

    /**
     * This process's session token, as the service would get the owner's: WTSQueryUserToken (Wine,
     * or a test run as LocalSystem), else a duplicate of the process token (an ordinary admin shell).
     */
    static WinNT.HANDLE of(Owner owner) throws IOException {
        IntByReference session = new IntByReference();
        Kernel32.INSTANCE.ProcessIdToSessionId(Kernel32.INSTANCE.GetCurrentProcessId(), session);
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (WindowsApi.Wtsapi32Ext.INSTANCE.WTSQueryUserToken(session.getValue(), token)) {
            return token.getValue();
        }
        WinNT.HANDLEByReference own = new WinNT.HANDLEByReference();
        if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(), WinNT.TOKEN_ALL_ACCESS, own)) {
            throw new IOException("OpenProcessToken: " + Kernel32.INSTANCE.GetLastError());
        }
        try {
            if (!Advapi32.INSTANCE.DuplicateTokenEx(own.getValue(), WinNT.TOKEN_ALL_ACCESS, null,
                    WinNT.SECURITY_IMPERSONATION_LEVEL.SecurityImpersonation, WinNT.TOKEN_TYPE.TokenPrimary, token)) {
                throw new IOException("DuplicateTokenEx: " + Kernel32.INSTANCE.GetLastError());
            }
            return token.getValue();
        } finally {
            Kernel32.INSTANCE.CloseHandle(own.getValue());
        }
    }
}
