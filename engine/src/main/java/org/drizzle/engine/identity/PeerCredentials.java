package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who is on the other end of a Unix-domain socket, as the kernel recorded it at connect time
 * (SO_PEERCRED). Never a name the client sends. The JDK gives account names (or the decimal id
 * when the uid has no account); the password and group databases turn them back into ids.
 */
public final class PeerCredentials {
    private PeerCredentials() {
    }

    /** The caller on {@code channel}, with admin rights decided by {@code authorizer}. */
    public static Principal of(SocketChannel channel, Authorizer authorizer) throws IOException {
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        return resolve(peer.user().getName(), peer.group().getName(), authorizer);
    }

    static Principal resolve(String user, String group, Authorizer authorizer) throws IOException {
        long uid;
        String name;
        if (isDecimal(user)) {
            uid = Long.parseLong(user);
            name = UserDatabase.byUid(uid).map(Account::name).orElse(user);
        } else {
            Account account = UserDatabase.byName(user)
                    .orElseThrow(() -> new IOException("The peer's user '" + user + "' has no account"));
            uid = account.uid();
            name = account.name();
        }
        long gid;
        if (isDecimal(group)) {
            gid = Long.parseLong(group);
        } else {
            gid = UserDatabase.groupId(group)
                    .orElseThrow(() -> new IOException("The peer's group '" + group + "' does not exist"));
        }
        return authorizer.principal(uid, gid, name);
    }

    static boolean isDecimal(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
