package org.drizzle.engine.windows;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Winsvc;

/** The SCM tests change the machine's services: they run only from an elevated prompt (Wine's user always is). */
final class Elevated {
    private Elevated() {
    }

    static void assume() {
        Winsvc.SC_HANDLE scm = Advapi32.INSTANCE.OpenSCManager(null, null, Winsvc.SC_MANAGER_ALL_ACCESS);
        assumeTrue(scm != null, "needs an elevated (Run as administrator) prompt to install services");
        Advapi32.INSTANCE.CloseServiceHandle(scm);
    }
}
