package org.drizzle.engine.identity.windows;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Wtsapi32;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.LinkedHashMap;
import java.util.Map;

/** Enumerates the machine's terminal-services sessions and who is logged on in each. */
public final class WtsSessions {
    private WtsSessions() {
    }

    /** session id → DOMAIN\\user for every session that counts as logged on. */
    public static Map<Integer, String> loggedOn() {
        PointerByReference infos = new PointerByReference();
        IntByReference count = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSEnumerateSessions(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, 0, 1, infos, count)) {
            throw new IllegalStateException("WTSEnumerateSessions failed: " + com.sun.jna.Native.getLastError());
        }
        Map<Integer, String> result = new LinkedHashMap<>();
        try {
            if (count.getValue() == 0) {
                return result;
            }
            Wtsapi32.WTS_SESSION_INFO first = new Wtsapi32.WTS_SESSION_INFO(infos.getValue());
            for (var s : (Wtsapi32.WTS_SESSION_INFO[]) first.toArray(count.getValue())) {
                if (!WindowsAccounts.countsAsLoggedOn(s.State)) {
                    continue;
                }
                String account = WindowsAccounts.accountName(query(s.SessionId, Wtsapi32.WTS_INFO_CLASS.WTSDomainName),
                        query(s.SessionId, Wtsapi32.WTS_INFO_CLASS.WTSUserName));
                if (account != null) {
                    result.put(s.SessionId, account);
                }
            }
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(infos.getValue());
        }
        return result;
    }

    private static String query(int session, int infoClass) {
        PointerByReference buf = new PointerByReference();
        IntByReference bytes = new IntByReference();
        if (!Wtsapi32.INSTANCE.WTSQuerySessionInformation(Wtsapi32.WTS_CURRENT_SERVER_HANDLE, session, infoClass, buf, bytes)) {
            return null;
        }
        try {
            Pointer p = buf.getValue();
            return p == null ? null : p.getWideString(0);
        } finally {
            Wtsapi32.INSTANCE.WTSFreeMemory(buf.getValue());
        }
    }
}
