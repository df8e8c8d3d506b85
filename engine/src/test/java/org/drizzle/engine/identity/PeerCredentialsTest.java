package org.drizzle.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.drizzle.engine.SystemCommand;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Owner;
import org.junit.jupiter.api.Test;

/** SO_PEERCRED callers and admin-group membership with real processes and accounts (root only). */
class PeerCredentialsTest {

    /** Connects to {@code socket} from a JVM running as uid/gid (setpriv), and returns whom the kernel reported. */
    static Principal connectAs(String uid, String gid, Authorizer authorizer, String... extra) throws Exception {
        Path dir = Files.createTempDirectory("drizzle-peer");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path sock = dir.resolve("s.sock");
        Path src = dir.resolve("Connect.java");
        Files.writeString(src, "public class Connect { public static void main(String[] a) throws Exception {"
                + " try (var c = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(a[0]))) {"
                + " c.read(java.nio.ByteBuffer.allocate(1)); } } }");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(sock));
            Files.setPosixFilePermissions(sock, PosixFilePermissions.fromString("rw-rw-rw-"));
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + gid));
            cmd.addAll(List.of(extra));
            cmd.addAll(List.of("--", java, src.toString(), sock.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (SocketChannel ch = server.accept()) {
                return PeerCredentials.of(ch, authorizer);
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            Files.deleteIfExists(sock);
            Files.deleteIfExists(src);
            Files.delete(dir);
        }
    }

    @Test
    void theKernelNamesTheCallerAndAdminGroupsMakeAdmins() throws Exception {
        assumeTrue(ThrowawayUsers.IS_ROOT, "needs root: runs clients as other users");
        String group = "dzadm" + Long.toString(System.nanoTime() % 100_000, 36);
        SystemCommand.run("/usr/sbin/groupadd", group);
        try (ThrowawayUsers users = new ThrowawayUsers()) {
            Account plain = users.create("dzp");
            Account admin = users.create("dzq");
            SystemCommand.run("/usr/sbin/usermod", "-aG", group, admin.name());
            List<String> refusals = new CopyOnWriteArrayList<>();
            Authorizer authorizer = new Authorizer(Set.of(group), refusals::add);

            Principal p = connectAs(Long.toString(plain.uid()), Long.toString(plain.gid()), authorizer, "--init-groups");
            assertThat(p).isEqualTo(new Principal(plain.uid(), plain.gid(), plain.name(), false));
            Principal a = connectAs(Long.toString(admin.uid()), Long.toString(admin.gid()), authorizer, "--init-groups");
            assertThat(a.admin()).isTrue();
            // a uid without an account: the JDK reports decimal names, and so do we
            Principal ghost = connectAs("4242", "4343", authorizer, "--clear-groups");
            assertThat(ghost).isEqualTo(new Principal(4242, 4343, "4242", false));

            authorizer.requireOwnerOrAdmin(a, new Owner(plain.uid(), plain.name()), "cancel");
            assertThatThrownBy(() -> authorizer.requireOwnerOrAdmin(p, new Owner(admin.uid(), admin.name()), "cancel"))
                    .isInstanceOfSatisfying(BitsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.E_ACCESSDENIED))
                    .hasMessageContaining(p.name()).hasMessageContaining("cancel a job owned by " + admin.name());
            assertThatThrownBy(() -> authorizer.requireAdmin(p, "list all users' jobs")).isInstanceOf(BitsException.class);
            assertThat(refusals).hasSize(2);
        } finally {
            SystemCommand.run("/usr/sbin/groupdel", group);
        }
    }
}
