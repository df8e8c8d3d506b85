package org.drizzle.engine.identity.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** Win32 functions jna-platform 5.19 does not declare. */
public final class WindowsApi {
    private WindowsApi() {
    }

    /** wtsapi32: the primary token of the user logged on in a session (needs SYSTEM). */
    public interface Wtsapi32Ext extends StdCallLibrary {
        Wtsapi32Ext INSTANCE = Native.load("Wtsapi32", Wtsapi32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean WTSQueryUserToken(int sessionId, WinNT.HANDLEByReference token);
    }

    /** advapi32: take the named-pipe client's identity on this thread. */
    public interface Advapi32Ext extends StdCallLibrary {
        Advapi32Ext INSTANCE = Native.load("Advapi32", Advapi32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean ImpersonateNamedPipeClient(WinNT.HANDLE pipe);

        /** SDDL text to a self-relative security descriptor (LocalAlloc'd). */
        boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String sddl, int revision, PointerByReference sd,
                                                                    IntByReference size);

        /** A security descriptor's parts ({@code info}: OWNER=1, GROUP=2, DACL=4) as SDDL text (LocalAlloc'd). */
        boolean ConvertSecurityDescriptorToStringSecurityDescriptor(Pointer sd, int revision, int info,
                                                                    PointerByReference sddl, IntByReference length);
    }

    /** kernel32 overlapped I/O with caller-owned native buffers (jna-platform's take byte[], copied per call). */
    public interface Kernel32Ext extends StdCallLibrary {
        Kernel32Ext INSTANCE = Native.load("kernel32", Kernel32Ext.class, W32APIOptions.DEFAULT_OPTIONS);

        boolean ReadFile(WinNT.HANDLE file, Pointer buffer, int length, IntByReference read, Pointer overlapped);

        boolean WriteFile(WinNT.HANDLE file, Pointer buffer, int length, IntByReference written, Pointer overlapped);

        boolean ConnectNamedPipe(WinNT.HANDLE pipe, Pointer overlapped);

        boolean GetOverlappedResult(WinNT.HANDLE file, Pointer overlapped, IntByReference transferred, boolean wait);
    }
}
