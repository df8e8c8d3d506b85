package org.drizzle.engine.identity;

import java.util.Set;

/** Who has a session right now, by uid and/or by account name (utmp records only names). */
public record Sessions(Set<Long> uids, Set<String> names) {
    public static final Sessions NONE = new Sessions(Set.of(), Set.of());

    public boolean includes(long uid, String name) {
        return uids.contains(uid) || names.contains(name);
    }
}
