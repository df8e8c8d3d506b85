package org.drizzle.engine.identity;

import com.sun.jna.Memory;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.Optional;

/**
 * Looks accounts up in the system's password and group databases (NSS, through libc's
 * reentrant getpwnam_r/getpwuid_r/getgrnam_r/getgrouplist), so LDAP/SSSD users work too.
 */
public final class UserDatabase {
    private static final int BUFFER = 16 * 1024;

    private UserDatabase() {
    }

    /** The account called {@code name}, or empty if there is none. */
    public static Optional<Account> byName(String name) {
        requireLinux();
        LinuxLibc.Passwd pwd = new LinuxLibc.Passwd();
        Memory buf = new Memory(BUFFER);
        PointerByReference result = new PointerByReference();
        int rc = LinuxLibc.INSTANCE.getpwnam_r(name, pwd, buf, BUFFER, result);
        return toAccount(rc, pwd, result);
    }

    /** The account with {@code uid}, or empty if there is none. */
    public static Optional<Account> byUid(long uid) {
        requireLinux();
        LinuxLibc.Passwd pwd = new LinuxLibc.Passwd();
        Memory buf = new Memory(BUFFER);
        PointerByReference result = new PointerByReference();
        int rc = LinuxLibc.INSTANCE.getpwuid_r((int) uid, pwd, buf, BUFFER, result);
        return toAccount(rc, pwd, result);
    }

    /** The gid of group {@code name}, or empty if there is none. */
    public static Optional<Long> groupId(String name) {
        requireLinux();
        LinuxLibc.Group grp = new LinuxLibc.Group();
        Memory buf = new Memory(BUFFER);
        PointerByReference result = new PointerByReference();
        int rc = LinuxLibc.INSTANCE.getgrnam_r(name, grp, buf, BUFFER, result);
        if (rc != 0 || result.getValue() == null) {
            return Optional.empty();
        }
        grp.read();
        return Optional.of(Integer.toUnsignedLong(grp.gr_gid));
    }

    private static Optional<Account> toAccount(int rc, LinuxLibc.Passwd pwd, PointerByReference result) {
        if (rc != 0 || result.getValue() == null) {
            return Optional.empty();
        }
        pwd.read();
        long uid = Integer.toUnsignedLong(pwd.pw_uid);
        long gid = Integer.toUnsignedLong(pwd.pw_gid);
        return Optional.of(new Account(uid, gid, pwd.pw_name, pwd.pw_dir, groupList(pwd.pw_name, gid)));
    }

    /** initgroups' view: the primary group plus every group listing {@code user} as a member. */
    static int[] groupList(String user, long gid) {
        int[] groups = new int[64];
        IntByReference n = new IntByReference(groups.length);
        if (LinuxLibc.INSTANCE.getgrouplist(user, (int) gid, groups, n) < 0) {
            groups = new int[n.getValue()];
            n.setValue(groups.length);
            LinuxLibc.INSTANCE.getgrouplist(user, (int) gid, groups, n);
        }
        return java.util.Arrays.copyOf(groups, n.getValue());
    }

    private static void requireLinux() {
        if (!Platform.isLinux()) {
            throw new UnsupportedOperationException("The Unix password database is only read on Linux.");
        }
    }
}
