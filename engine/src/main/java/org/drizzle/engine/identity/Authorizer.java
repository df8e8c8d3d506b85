package org.drizzle.engine.identity;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.drizzle.engine.job.BitsException;
import org.drizzle.engine.job.ErrorCodes;
import org.drizzle.engine.job.Owner;
import org.drizzle.engine.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who is an administrator (root, or a member of one of the configured admin groups)
 * and refuses calls on other users' jobs with BITS' E_ACCESSDENIED. Every refusal is logged
 * and handed to the refusal sink (the system log).
 */
public final class Authorizer {
    private static final Logger LOG = LoggerFactory.getLogger(Authorizer.class);

    private final Set<String> adminGroups;
    private final Consumer<String> refusals;

    /**
     * @param adminGroups group names whose members are administrators (for example "drizzle-admin")
     * @param refusals    receives one sentence per refusal
     */
    public Authorizer(Set<String> adminGroups, Consumer<String> refusals) {
        this.adminGroups = Set.copyOf(adminGroups);
        this.refusals = refusals;
    }

    public Set<String> adminGroups() {
        return adminGroups;
    }

    /** The principal for a caller the kernel identified; works out whether it is an admin. */
    public Principal principal(long uid, long gid, String name) {
        return new Principal(uid, gid, name, isAdmin(uid, name, gid));
    }

    /** Root, or a member (primary or supplementary) of a configured admin group. */
    public boolean isAdmin(long uid, String name, long gid) {
        if (uid == 0) {
            return true;
        }
        if (adminGroups.isEmpty()) {
            return false;
        }
        int[] groups = UserDatabase.groupList(name, gid);
        for (String group : adminGroups) {
            Long adminGid = UserDatabase.groupId(group).orElse(null);
            if (adminGid == null) {
                continue;
            }
            for (int g : groups) {
                if (Integer.toUnsignedLong(g) == adminGid) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Owners may act on their own jobs, admins on any; anyone else gets E_ACCESSDENIED. */
    public void requireOwnerOrAdmin(Principal caller, Owner owner, String action) {
        if (caller.admin() || caller.uid() == owner.uid()) {
            return;
        }
        refuse(caller, action + " a job owned by " + owner.name());
    }

    /** Admin-only operations (-AllUsers, TakeOwnership). */
    public void requireAdmin(Principal caller, String action) {
        if (!caller.admin()) {
            refuse(caller, action);
        }
    }

    /** Records a refusal the engine made (logged and sent to the system log). */
    public void logRefusal(Principal caller, String action, String message) {
        String line = "Access denied: " + (caller == null ? "unknown caller" : caller.name() + " (uid " + caller.uid() + ")")
                + " " + action + ": " + message;
        LOG.warn(LogText.of(line));
        refusals.accept(line);
    }

    private void refuse(Principal caller, String what) {
        String groups = adminGroups.isEmpty() ? "" : " or a member of " + String.join(", ", List.copyOf(adminGroups));
        String message = "Access denied: " + caller.name() + " (uid " + caller.uid() + ") may not " + what
                + "; only the job's owner or an administrator (root" + groups + ") may.";
        LOG.warn(LogText.of(message));
        refusals.accept(message);
        throw new BitsException(ErrorCodes.E_ACCESSDENIED, message);
    }
}
