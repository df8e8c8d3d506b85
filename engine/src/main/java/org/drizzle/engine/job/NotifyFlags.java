package org.drizzle.engine.job;

/** {@code BG_NOTIFY_*} bits. Only JOB_TRANSFERRED and JOB_ERROR trigger a notify command line. */
public final class NotifyFlags {
    public static final int JOB_TRANSFERRED = 0x1;
    public static final int JOB_ERROR = 0x2;
    public static final int DISABLE = 0x4;
    public static final int JOB_MODIFICATION = 0x8;
    public static final int FILE_TRANSFERRED = 0x10;
    public static final int FILE_RANGES_TRANSFERRED = 0x20;
    /** The default for a new job. */
    public static final int DEFAULT = JOB_TRANSFERRED | JOB_ERROR;
    public static final int ALL = 0x3F;

    private NotifyFlags() {
    }

    /** Whether a job with {@code flags} should run its notify command on reaching {@code state}. */
    public static boolean notifiesOn(int flags, JobState state) {
        if ((flags & DISABLE) != 0) {
            return false;
        }
        return (state == JobState.TRANSFERRED && (flags & JOB_TRANSFERRED) != 0)
                || (state == JobState.ERROR && (flags & JOB_ERROR) != 0);
    }

    public static void validate(int flags) {
        if ((flags & ~ALL) != 0) {
            throw new BitsException(ErrorCodes.E_INVALIDARG,
                    "NotifyFlags 0x" + Integer.toHexString(flags) + " has bits outside 0x3F.");
        }
    }
}
