package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.drizzle.engine.identity.Account;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.junit.jupiter.api.Test;

/** The notify command-line rules and the setpriv wrapping. */
class NotifyCmdLineTest {

    @Test
    void programMustBeAFullPathAndTheLineAtMost4000Characters() {
        assertThatCode(() -> NotifyCmdLine.validate(List.of())).doesNotThrowAnyException();
        assertThatCode(() -> NotifyCmdLine.validate(List.of("/usr/bin/true", "a b"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> NotifyCmdLine.validate(List.of("notepad.exe")))
                .isInstanceOfSatisfying(BitsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.E_INVALIDARG))
                .hasMessageContaining("'notepad.exe'");
        assertThatThrownBy(() -> NotifyCmdLine.validate(List.of("/bin/echo", "x".repeat(3995))))
                .isInstanceOfSatisfying(BitsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.BG_E_STRING_TOO_LONG))
                .hasMessageContaining("4000");
        assertThatThrownBy(() -> NotifyCmdLine.validate(List.of("", "arg"))).hasMessageContaining("no program");
    }

    @Test
    void anotherUsersProgramRunsThroughHardenedSetpriv() {
        Account alice = new Account(1000, 1000, "alice", "/home/alice", new int[] {1000});
        assertThat(NotifyProcess.command(List.of("/bin/prog", "a"), alice, 0, "/usr/bin/setpriv")).containsExactly(
                "/usr/bin/setpriv", "--reuid=1000", "--regid=1000", "--init-groups", "--reset-env", "--nnp",
                "--inh-caps=-all", "--bounding-set=-all", "--pdeathsig=TERM", "--", "/bin/prog", "a");
        assertThat(NotifyProcess.command(List.of("/bin/prog", "a"), alice, 1000, "/usr/bin/setpriv"))
                .containsExactly("/bin/prog", "a");
        ProcessBuilder pb = NotifyProcess.builder(List.of("/bin/prog"), alice, 1000);
        assertThat(pb.environment()).containsEntry("HOME", "/home/alice").containsEntry("USER", "alice")
                .doesNotContainKey("FOO");
    }
}
