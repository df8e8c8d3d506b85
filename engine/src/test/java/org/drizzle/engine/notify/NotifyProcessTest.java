package org.drizzle.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drizzle.engine.identity.Account;
import org.junit.jupiter.api.Test;

/** How a notify program is started as another user: hardened setpriv and a clean environment. */
class NotifyProcessTest {

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
