package org.drizzle.engine.identity;

import com.sun.jna.Native;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.AccessDeniedException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.drizzle.engine.job.Owner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job's file I/O with its owner's file-system identity on Linux.
 *
 * <p>Only the calling thread changes: raw setgroups, setfsgid and setfsuid system calls (never
 * glibc's setuid/seteuid/setgroups wrappers, which nptl broadcasts to every thread of the JVM).
 * With fsuid ≠ 0 the kernel drops the thread's file capabilities (DAC_OVERRIDE, FOWNER, ...),
 * so permission checks, new-file ownership and the umask-derived mode are the owner's.
 * setfsuid/setfsgid report the previous value and never fail, so each change is verified by a
 * second call. The old identity is restored in {@code finally}; if that fails the thread is
 * killed with {@link ImpersonationError} rather than go on with someone else's rights.
 *
 * <p>Callers must be platform threads (a virtual thread can change carrier mid-call) and must
 * not spawn processes inside {@code runAs} (children inherit the supplementary groups).
 */
public final class LinuxImpersonator implements Impersonator {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxImpersonator.class);
    private static final long ACCOUNT_TTL_NANOS = 60_000_000_000L;
    private static final Method IS_VIRTUAL = isVirtualMethod();

    private final Syscalls calls;
    private final LinuxLibc libc;
    private final long processUid;
    private final OwnerUmasks umasks;
    private final ThreadLocal<Owner> acting = new ThreadLocal<>();
    private final ThreadLocal<Boolean> ownFsStruct = ThreadLocal.withInitial(() -> false);
    private final Map<Long, Cached> accounts = new ConcurrentHashMap<>();

    private record Cached(Account account, long loadedAt) {
    }

    public LinuxImpersonator(OwnerUmasks umasks) {
        this(Syscalls.forArch(System.getProperty("os.arch")), UnixIds.currentUid(), umasks);
    }

    LinuxImpersonator(Syscalls calls, long processUid, OwnerUmasks umasks) {
        this.calls = calls;
        this.processUid = processUid;
        this.umasks = umasks;
        // Load libc, the JNA glue and our own classes now: lazy loading inside runAs would run
        // with the owner's rights and could fail on a directory only root may read.
        this.libc = LinuxLibc.INSTANCE;
        libc.syscall(calls.gettid());
        libc.syscall(calls.setfsuid(), -1);
        Native.getLastError();
        new ImpersonationError("preload").getMessage();
        new AccessDeniedException("preload").getMessage();
        Arrays.toString(new int[0]);
    }

    @Override
    public <T> T runAs(Owner owner, IoCall<T> call) throws IOException {
        if (owner.uid() == processUid) {
            return call.call();
        }
        Owner already = acting.get();
        if (already != null) {
            if (already.uid() == owner.uid()) {
                return call.call();
            }
            throw new IllegalStateException("Nested impersonation of " + owner.name() + " inside " + already.name());
        }
        if (processUid != 0) {
            throw new AccessDeniedException(owner.name(), null,
                    "the service runs as uid " + processUid + " and cannot act for uid " + owner.uid());
        }
        requirePlatformThread();
        Account account = account(owner);
        int[] savedGroups = currentGroups();
        long savedFsgid = libc.syscall(calls.setfsgid(), -1);
        long savedFsuid = libc.syscall(calls.setfsuid(), -1);
        int savedUmask = -1;
        try {
            savedUmask = ownUmask(umasks.umaskOf(owner.uid()));
            become(account);
            acting.set(owner);
            return call.call();
        } finally {
            acting.remove();
            restore(savedFsuid, savedFsgid, savedGroups);
            if (savedUmask >= 0) {
                libc.syscall(calls.umask(), savedUmask);
            }
        }
    }

    /**
     * Sets this thread's umask, first giving the thread its own fs_struct (umask is otherwise
     * shared by every thread of the process). Returns the previous umask.
     */
    private int ownUmask(int umask) throws IOException {
        if (!ownFsStruct.get()) {
            if (libc.syscall(calls.unshare(), Syscalls.CLONE_FS) != 0) {
                throw new IOException("unshare(CLONE_FS) failed: errno " + Native.getLastError());
            }
            ownFsStruct.set(true);
        }
        return (int) libc.syscall(calls.umask(), umask);
    }

    /** This thread's fsuid (for tests and diagnostics). */
    long currentFsuid() {
        return libc.syscall(calls.setfsuid(), -1);
    }

    private void become(Account account) throws IOException {
        if (libc.syscall(calls.setgroups(), account.groups().length, account.groups()) != 0) {
            throw new IOException("setgroups for " + account.name() + " failed: errno " + Native.getLastError());
        }
        libc.syscall(calls.setfsgid(), (int) account.gid());
        libc.syscall(calls.setfsuid(), (int) account.uid());
        long fsgid = libc.syscall(calls.setfsgid(), -1);
        long fsuid = libc.syscall(calls.setfsuid(), -1);
        if (fsuid != account.uid() || fsgid != account.gid()) {
            throw new IOException("Could not take the file-system identity of " + account.name()
                    + " (fsuid " + fsuid + ", fsgid " + fsgid + ")");
        }
    }

    private void restore(long fsuid, long fsgid, int[] groups) {
        // fsuid first: it gives back the file capabilities; setgroups needs CAP_SETGID, which
        // is not a file capability and stays in force throughout.
        libc.syscall(calls.setfsuid(), (int) fsuid);
        libc.syscall(calls.setfsgid(), (int) fsgid);
        long rc = libc.syscall(calls.setgroups(), groups.length, groups);
        boolean ok = rc == 0 && libc.syscall(calls.setfsuid(), -1) == fsuid
                && libc.syscall(calls.setfsgid(), -1) == fsgid
                && Arrays.equals(currentGroups(), groups);
        if (!ok) {
            LOG.error("Could not restore the service identity on thread {}; killing the thread",
                    Thread.currentThread().getName());
            throw new ImpersonationError("Could not restore the service identity on thread "
                    + Thread.currentThread().getName());
        }
    }

    private int[] currentGroups() {
        int n = (int) libc.syscall(calls.getgroups(), 0, null);
        int[] groups = new int[Math.max(n, 0)];
        if (n > 0) {
            n = (int) libc.syscall(calls.getgroups(), n, groups);
        }
        return Arrays.copyOf(groups, Math.max(n, 0));
    }

    private Account account(Owner owner) throws IOException {
        long now = System.nanoTime();
        Cached cached = accounts.get(owner.uid());
        if (cached != null && now - cached.loadedAt() < ACCOUNT_TTL_NANOS) {
            return cached.account();
        }
        Account account = UserDatabase.byUid(owner.uid()).orElseThrow(() -> new AccessDeniedException(
                owner.name(), null, "uid " + owner.uid() + " has no account in the password database"));
        accounts.put(owner.uid(), new Cached(account, now));
        return account;
    }

    private static void requirePlatformThread() {
        if (IS_VIRTUAL == null) {
            return;
        }
        try {
            if ((Boolean) IS_VIRTUAL.invoke(Thread.currentThread())) {
                throw new IllegalStateException("Impersonation needs a platform thread, not a virtual thread.");
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method isVirtualMethod() {
        try {
            return Thread.class.getMethod("isVirtual");
        } catch (NoSuchMethodException e) {
            return null; // Java 17: there are no virtual threads
        }
    }
}
