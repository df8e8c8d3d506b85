package org.drizzle.engine.service.windows;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import org.drizzle.engine.identity.windows.WindowsApi;

/**
 * Who may open the service's named pipe. The machine pipe: SYSTEM and Administrators fully,
 * authenticated users read and write but not FILE_CREATE_PIPE_INSTANCE (so no one else can
 * serve a pipe instance under the service's name), anonymous and network logons nothing. A
 * user-mode service's pipe: SYSTEM and that user only. The DACL is protected (no inheritance).
 */
public final class PipeSecurity {
    /** FILE_GENERIC_READ | FILE_GENERIC_WRITE without FILE_APPEND_DATA (= FILE_CREATE_PIPE_INSTANCE on a pipe). */
    static final String READ_WRITE_NO_INSTANCE = "0x12019b";
    public static final String MACHINE_SDDL = "D:P(A;;GA;;;SY)(A;;GA;;;BA)(A;;" + READ_WRITE_NO_INSTANCE + ";;;AU)";
    private static final int SDDL_REVISION_1 = 1;

    private PipeSecurity() {
    }

    /** The SDDL for a machine pipe or for one user's pipe. */
    public static String sddl(boolean machine) {
        return machine ? MACHINE_SDDL : "D:P(A;;GA;;;SY)(A;;GA;;;" + currentUserSid() + ")";
    }

    /** SECURITY_ATTRIBUTES holding {@code sddl}; the descriptor lives as long as the process (one per server). */
    public static WinBase.SECURITY_ATTRIBUTES attributes(String sddl) {
        PointerByReference sd = new PointerByReference();
        if (!WindowsApi.Advapi32Ext.INSTANCE.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, SDDL_REVISION_1,
                sd, new IntByReference())) {
            throw new IllegalStateException("The pipe security descriptor " + sddl + " was refused (error "
                    + Kernel32.INSTANCE.GetLastError() + ")");
        }
        WinBase.SECURITY_ATTRIBUTES sa = new WinBase.SECURITY_ATTRIBUTES();
        sa.lpSecurityDescriptor = sd.getValue();
        sa.bInheritHandle = false;
        sa.write();
        return sa;
    }

    private static String currentUserSid() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (!com.sun.jna.platform.win32.Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(),
                WinNT.TOKEN_QUERY, token)) {
            throw new IllegalStateException("OpenProcessToken failed: " + Kernel32.INSTANCE.GetLastError());
        }
        try {
            return Advapi32Util.getTokenAccount(token.getValue()).sidString;
        } finally {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
        }
    }
}
