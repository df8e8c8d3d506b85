package org.drizzle.policy.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinReg;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.drizzle.policy.PolicyLayer;
import org.drizzle.policy.PolicyRejectedException;
import org.drizzle.policy.PolicySnapshot;
import org.drizzle.policy.PolicySource;
import org.drizzle.policy.Priority;
import org.drizzle.policy.RegistryPolicySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Group Policy keys written for real under HKLM\Software\Policies\Microsoft\Windows\BITS (as a
 * GPO would: REG_DWORD, REG_SZ, REG_MULTI_SZ) and read back through RegistryPolicySource,
 * including RegNotifyChangeKeyValue and a value of the wrong type. Needs administrator rights.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class RegistryPolicySourceWindowsTest {
    private static final WinReg.HKEY HKLM = WinReg.HKEY_LOCAL_MACHINE;
    private static final String KEY = RegistryPolicySource.KEY;

    private final RegistryPolicySource source = new RegistryPolicySource();

    @BeforeEach
    void cleanKey() {
        try {
            Advapi32Util.registryCreateKey(HKLM, "Software\\Policies\\Microsoft\\Windows");
        } catch (Win32Exception e) {
            assumeTrue(false, "writing HKLM\\Software\\Policies needs an elevated (Run as administrator) prompt");
        }
        deleteTree(KEY);
    }

    @AfterEach
    void removeKey() {
        source.close();
        deleteTree(KEY);
    }

    @Test
    void groupPolicyValuesAreReadThroughTheRegistry() throws Exception {
        Advapi32Util.registryCreateKey(HKLM, KEY + "\\TransferPolicy");
        Advapi32Util.registryCreateKey(HKLM, KEY + "\\Throttling\\WorkSchedule");
        Advapi32Util.registryCreateKey(HKLM, KEY + "\\Drizzle");
        Advapi32Util.registrySetIntValue(HKLM, KEY, "MaxJobsPerUser", 12);
        Advapi32Util.registrySetIntValue(HKLM, KEY, "SomeFutureWindowsValue", 1);
        Advapi32Util.registrySetIntValue(HKLM, KEY + "\\TransferPolicy", "NormalTransferPolicy", 0x80000067);
        Advapi32Util.registrySetIntValue(HKLM, KEY + "\\Throttling", "EnableBandwidthLimits", 1);
        for (String[] v : new String[][] {{"StartDay", "1"}, {"EndDay", "5"}, {"StartHour", "8"}, {"EndHour", "17"},
                {"LowBandwidthLimit", "10"}, {"LowBandwidthType", "1"}}) {
            Advapi32Util.registrySetIntValue(HKLM, KEY + "\\Throttling\\WorkSchedule", v[0], Integer.parseInt(v[1]));
        }
        Advapi32Util.registrySetStringArray(HKLM, KEY + "\\Drizzle", "MeteredInterfaces", new String[] {"wwan0", "Cellular 2"});

        PolicyLayer layer = source.load();
        PolicySnapshot snapshot = PolicySnapshot.of(java.util.List.of(layer));

        assertThat(layer.source()).isEqualTo(PolicySource.REGISTRY);
        assertThat(snapshot.maxJobsPerUser().value()).isEqualTo(12L);
        assertThat(snapshot.maxJobsPerUser().source()).isEqualTo(PolicySource.REGISTRY);
        assertThat(snapshot.transferPolicy(Priority.NORMAL).value()).isEqualTo(0x80000067);
        assertThat(snapshot.workSchedule().value().inside().low().bytesPerSecond()).isEqualTo(1250);
        assertThat(snapshot.meteredInterfaces()).containsExactly("wwan0", "Cellular 2");
    }

    @Test
    void absentKeyIsAnEmptyLayer() throws Exception {
        assertThat(source.load().values()).isEmpty();
    }

    @Test
    void malformedValueIsRejectedNamingIt() {
        Advapi32Util.registryCreateKey(HKLM, KEY);
        Advapi32Util.registrySetStringValue(HKLM, KEY, "MaxJobsPerUser", "ten");

        assertThatThrownBy(source::load).isInstanceOf(PolicyRejectedException.class)
                .hasMessageContaining("MaxJobsPerUser").hasMessageContaining("ten")
                .hasMessageContaining("HKLM\\" + KEY);
    }

    @Test
    void aChangeUnderThePoliciesKeyIsNotified() throws Exception {
        Semaphore changes = new Semaphore(0);
        source.start(changes::release);
        // The watch thread arms RegNotifyChangeKeyValue asynchronously: keep writing until it fires.
        boolean seen = false;
        for (int i = 0; i < 50 && !seen; i++) {
            Advapi32Util.registryCreateKey(HKLM, KEY);
            Advapi32Util.registrySetIntValue(HKLM, KEY, "MaxJobsPerUser", 100 + i);
            seen = changes.tryAcquire(200, TimeUnit.MILLISECONDS);
        }
        assertThat(seen).as("RegNotifyChangeKeyValue signalled a change").isTrue();
        assertThat(PolicySnapshot.of(java.util.List.of(source.load())).maxJobsPerUser().value()).isBetween(100L, 149L);

        // Armed again after the call-back: a second change is seen too.
        changes.drainPermits();
        Advapi32Util.registrySetIntValue(HKLM, KEY, "MaxFilesPerJob", 7);
        assertThat(changes.tryAcquire(5, TimeUnit.SECONDS)).as("second change signalled").isTrue();
    }

    private static void deleteTree(String key) {
        if (!Advapi32Util.registryKeyExists(HKLM, key)) {
            return;
        }
        for (String sub : Advapi32Util.registryGetKeys(HKLM, key)) {
            deleteTree(key + "\\" + sub);
        }
        Advapi32Util.registryDeleteKey(HKLM, key);
    }
}
