package org.drizzle.engine.identity;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few libc entry points Drizzle calls on Linux. Credentials change only through the raw
 * {@link #syscall} (glibc's setuid/setgroups wrappers broadcast to every thread of the JVM).
 */
interface LinuxLibc extends Library {
    LinuxLibc INSTANCE = Native.load("c", LinuxLibc.class);

    long syscall(long number, Object... args);

    int getpwnam_r(String name, Passwd pwd, Pointer buf, long buflen, PointerByReference result);

    int getpwuid_r(int uid, Passwd pwd, Pointer buf, long buflen, PointerByReference result);

    int getgrnam_r(String name, Group grp, Pointer buf, long buflen, PointerByReference result);

    int getgrouplist(String user, int group, int[] groups, IntByReference ngroups);

    /** open(2); {@code mode} matters only with O_CREAT. */
    int open(String path, int flags, int mode);

    int close(int fd);

    /** fstatfs(2) into a raw {@code struct statfs}; its first field is the file-system type. */
    int fstatfs(int fd, byte[] statfs);

    /** {@code struct passwd}. */
    @Structure.FieldOrder({"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})
    class Passwd extends Structure {
        public String pw_name;
        public String pw_passwd;
        public int pw_uid;
        public int pw_gid;
        public String pw_gecos;
        public String pw_dir;
        public String pw_shell;
    }

    /** {@code struct group}. */
    @Structure.FieldOrder({"gr_name", "gr_passwd", "gr_gid", "gr_mem"})
    class Group extends Structure {
        public String gr_name;
        public String gr_passwd;
        public int gr_gid;
        public Pointer gr_mem;
    }
}
