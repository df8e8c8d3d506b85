package org.drizzle.policy;

import com.sun.jna.Platform;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code HKLM\Software\Policies\Microsoft\Windows\BITS} and its subkeys, read with jna-platform,
 * as Group Policy writes them. Changes are seen with RegNotifyChangeKeyValue on
 * {@code HKLM\Software\Policies} (the BITS key may not exist until a GPO creates it).
 * Only used on Windows; {@link #load} elsewhere sets nothing.
 */
public final class RegistryPolicySource implements PolicyProvider {
    public static final String KEY = "Software\\Policies\\Microsoft\\Windows\\BITS";
    private static final String WATCHED = "Software\\Policies";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryPolicySource.class);

    private volatile boolean closed;
    private volatile WinNT.HANDLE stopEvent;

    @Override
    public PolicySource source() {
        return PolicySource.REGISTRY;
    }

    @Override
    public String origin() {
        return "HKLM\\" + KEY;
    }

    @Override
    public PolicyLayer load() throws PolicyRejectedException {
        if (!Platform.isWindows()) {
            return PolicyLayer.empty(source(), origin());
        }
        Map<String, Map<String, Object>> bySubkey = new LinkedHashMap<>();
        for (String sub : PolicySchema.subkeys()) {
            String path = sub.isEmpty() ? KEY : KEY + "\\" + sub;
            if (Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, path)) {
                bySubkey.put(sub, Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, path));
            }
        }
        return PolicyLayer.validate(source(), origin(), RegistryValues.toRaw(bySubkey));
    }

    @Override
    public void start(Runnable changed) {
        if (!Platform.isWindows()) {
            return;
        }
        Thread thread = new Thread(() -> watch(changed), "drizzle-policy-registry-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(Runnable changed) {
        WinReg.HKEYByReference ref = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(WinReg.HKEY_LOCAL_MACHINE, WATCHED, 0,
                WinNT.KEY_NOTIFY | WinNT.KEY_READ, ref);
        if (rc != W32Errors.ERROR_SUCCESS) {
            LOG.warn("Cannot watch HKLM\\{} for policy changes (error {})", WATCHED, rc);
            return;
        }
        WinNT.HANDLE changeEvent = Kernel32.INSTANCE.CreateEvent(null, false, false, null);
        stopEvent = Kernel32.INSTANCE.CreateEvent(null, true, false, null);
        try {
            while (!closed) {
                rc = Advapi32.INSTANCE.RegNotifyChangeKeyValue(ref.getValue(), true,
                        WinNT.REG_NOTIFY_CHANGE_NAME | WinNT.REG_NOTIFY_CHANGE_LAST_SET, changeEvent, true);
                if (rc != W32Errors.ERROR_SUCCESS) {
                    LOG.warn("RegNotifyChangeKeyValue failed (error {}); registry policy changes need a restart", rc);
                    return;
                }
                int which = Kernel32.INSTANCE.WaitForMultipleObjects(2, new WinNT.HANDLE[] {changeEvent, stopEvent},
                        false, WinBase.INFINITE);
                if (which != WinBase.WAIT_OBJECT_0 || closed) {
                    return;
                }
                changed.run();
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(ref.getValue());
            Kernel32.INSTANCE.CloseHandle(changeEvent);
        }
    }

    @Override
    public void close() {
        closed = true;
        WinNT.HANDLE stop = stopEvent;
        if (stop != null) {
            Kernel32.INSTANCE.SetEvent(stop);
        }
    }
}
