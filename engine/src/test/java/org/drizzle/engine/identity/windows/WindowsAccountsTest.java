package org.drizzle.engine.identity.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Windows backends' pure rules: account names, administrators, sessions, SID numbers. */
class WindowsAccountsTest {

    @Test
    void accountNamesAreDomainBackslashUser() {
        assertThat(WindowsAccounts.accountName("CONTOSO", "alice")).isEqualTo("CONTOSO\\alice");
        assertThat(WindowsAccounts.accountName("", "alice")).isEqualTo("alice");
        assertThat(WindowsAccounts.accountName("CONTOSO", "")).isNull();
        assertThat(WindowsAccounts.sameAccount("contoso\\ALICE", "CONTOSO\\alice")).isTrue();
    }

    @Test
    void administratorsAndLocalSystemAreAdmins() {
        String user = "S-1-5-21-1-2-3-1001";
        assertThat(WindowsAccounts.isAdministrator(user, List.of("S-1-5-32-545"))).isFalse();
        assertThat(WindowsAccounts.isAdministrator(user, List.of("S-1-5-32-545", "S-1-5-32-544"))).isTrue();
        assertThat(WindowsAccounts.isAdministrator("S-1-5-18", List.of())).isTrue();
    }

    @Test
    void activeAndDisconnectedSessionsCountAsLoggedOn() {
        assertThat(WindowsAccounts.countsAsLoggedOn(0)).isTrue();   // WTSActive
        assertThat(WindowsAccounts.countsAsLoggedOn(4)).isTrue();   // WTSDisconnected (fast user switching)
        assertThat(WindowsAccounts.countsAsLoggedOn(6)).isFalse();  // WTSListen
    }

    @Test
    void theRidIsTheLastSubAuthority() {
        assertThat(WindowsAccounts.ridOf("S-1-5-21-1-2-3-1001")).isEqualTo(1001);
        assertThatThrownBy(() -> WindowsAccounts.ridOf("alice")).hasMessageContaining("'alice'");
    }
}
