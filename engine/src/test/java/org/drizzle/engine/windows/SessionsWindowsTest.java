package org.drizzle.engine.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * WTS session queries (WTSEnumerateSessions, WTSQuerySessionInformation, WTSFreeMemory), the
 * impersonator's "owner must be logged on" rule, and its ImpersonateLoggedOnUser/RevertToSelf
 * around file I/O with the token of this process's own session. Wine answers with no sessions at all; on a
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

    @Test
    void fileIoRunsWithTheOwnersTokenOnTheThreadAndRevertsAfter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("written as the owner.txt");
        WindowsImpersonator impersonator = new WindowsImpersonator(OwnToken::of);
        Owner owner = new Owner(1000, System.getProperty("user.name"));

        String result = impersonator.runAs(owner, () -> {
            assertThat(threadToken()).as("impersonating: the thread has its own token").isTrue();
            Files.writeString(file, "bytes");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(threadToken()).as("RevertToSelf took the token off the thread").isFalse();
        assertThat(Files.readString(file)).isEqualTo("bytes");
        // An exception inside still reverts.
        assertThatThrownBy(() -> impersonator.runAs(owner, () -> {
            throw new java.io.FileNotFoundException("no such file");
        })).isInstanceOf(java.io.FileNotFoundException.class);
        assertThat(threadToken()).isFalse();
    }

    /** Whether this thread impersonates (OpenThreadToken fails with ERROR_NO_TOKEN when it does not). */
    private static boolean threadToken() {
        WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
        if (Advapi32.INSTANCE.OpenThreadToken(Kernel32.INSTANCE.GetCurrentThread(), WinNT.TOKEN_QUERY, true, token)) {
            Kernel32.INSTANCE.CloseHandle(token.getValue());
            return true;
        }
        assertThat(Kernel32.INSTANCE.GetLastError()).isEqualTo(WinError.ERROR_NO_TOKEN);
        return false;
    }
}
