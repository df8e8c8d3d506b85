package org.drizzle.engine.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Which owners never need a session: service accounts (uid below the login range, UID_MIN in
 * /etc/login.defs, or named in the configuration) and users an administrator allowed to run
 * jobs without a session (the Drizzle answer to BITS' 0x800704DD pain).
 */
public record SessionPolicy(long uidMin, Set<String> serviceAccounts, Set<String> allowWithoutSession) {
    public static final long DEFAULT_UID_MIN = 1000;

    public SessionPolicy {
        serviceAccounts = Set.copyOf(serviceAccounts);
        allowWithoutSession = Set.copyOf(allowWithoutSession);
    }

    /** UID_MIN from the system's login.defs, else {@value #DEFAULT_UID_MIN}. */
    public static SessionPolicy system(Set<String> serviceAccounts, Set<String> allowWithoutSession) {
        return new SessionPolicy(uidMin(Path.of("/etc/login.defs")), serviceAccounts, allowWithoutSession);
    }

    public boolean isServiceAccount(long uid, String name) {
        return uid < uidMin || serviceAccounts.contains(name);
    }

    public boolean exempt(long uid, String name) {
        return isServiceAccount(uid, name) || allowWithoutSession.contains(name);
    }

    static long uidMin(Path loginDefs) {
        try {
            for (String line : Files.readAllLines(loginDefs)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && parts[0].equals("UID_MIN") && PeerCredentials.isDecimal(parts[1])) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException e) {
            return DEFAULT_UID_MIN;
        }
        return DEFAULT_UID_MIN;
    }
}
