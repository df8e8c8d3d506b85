package org.drizzle.engine.identity;

import org.drizzle.engine.job.Owner;

/**
 * Who is calling the engine, as the kernel says (SO_PEERCRED) or, embedded, as the process
 * runs. {@code admin} is root or a member of the configured admin group.
 */
public record Principal(long uid, long gid, String name, boolean admin) {

    public Owner asOwner() {
        return new Owner(uid, name);
    }

    /** The user this JVM runs as. */
    public static Principal current() {
        String name = System.getProperty("user.name");
        long uid = UnixIds.currentUid();
        long gid = UnixIds.currentGid();
        return new Principal(uid, gid, name, uid == 0);
    }
}
