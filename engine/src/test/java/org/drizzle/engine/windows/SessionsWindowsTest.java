package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.platform.win32.Advapi32Util;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import org.drizzle.engine.identity.Sessions;
import org.drizzle.engine.identity.windows.WindowsImpersonator;
import org.drizzle.engine.identity.windows.WtsSessionSource;
import org.drizzle.engine.identity.windows.WtsSessions;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * WTS session queries (WTSEnumerateSessions, WTSQuerySessionInformation, WTSFreeMemory) and the
 * impersonator's "owner must be logged on" rule. Wine answers with no sessions at all; on a
 * Windows desktop the user running the tests is logged on.
 */
@Tag("windows")
@EnabledOnOs(OS.WINDOWS)
class SessionsWindowsTest {

    @Test
    void loggedOnUsersComeFromTheSessionTable() {
        Map<Integer, String> sessions = WtsSessions.loggedOn();
        Sessions read = new WtsSessionSource().read();

        assertThat(read.names()).containsExactlyInAnyOrderElementsOf(sessions.values());
        if (Wine.running()) {
            assertThat(sessions).as("Wine's WTSEnumerateSessions lists no session").isEmpty();
        } else {
            assertThat(sessions.values()).anyMatch(a -> a.toLowerCase().endsWith("\\" + Advapi32Util.getUserName().toLowerCase()));
        }
    }

    @Test
    void impersonatingAnOwnerWithoutASessionIsRefusedBeforeAnyFileIsTouched() {
        assertThatThrownBy(() -> new WindowsImpersonator().runAs(new Owner(4242, "NOBODY\\dzwin-ghost"), () -> {
            throw new AssertionError("ran without the owner's token");
        })).isInstanceOf(AccessDeniedException.class).hasMessageContaining("dzwin-ghost has no logged-on session (0x800704DD)");
    }
}
