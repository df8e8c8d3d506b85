package org.drizzle.engine.job;

/** {@code BG_SSL_*} and {@code BG_HTTP_REDIRECT_POLICY_*} bits (IBackgroundCopyJobHttpOptions). */
public final class SecurityFlags {
    public static final int ENABLE_CRL_CHECK = 0x1;
    public static final int IGNORE_CERT_CN_INVALID = 0x2;
    public static final int IGNORE_CERT_DATE_INVALID = 0x4;
    public static final int IGNORE_UNKNOWN_CA = 0x8;
    public static final int IGNORE_CERT_WRONG_USAGE = 0x10;
    /** Follow redirects silently (the default). */
    public static final int REDIRECT_POLICY_ALLOW_SILENT = 0x0;
    /** Follow redirects and report the final URL as the file's new remote name. */
    public static final int REDIRECT_POLICY_ALLOW_REPORT = 0x100;
    /** A redirect is a fatal error. */
    public static final int REDIRECT_POLICY_DISALLOW = 0x200;
    public static final int REDIRECT_POLICY_MASK = 0x700;
    /** Allow a redirect from https to http (downloads only). */
    public static final int ALLOW_HTTPS_TO_HTTP_REDIRECT = 0x800;
    public static final int ALL = 0x1F | REDIRECT_POLICY_MASK | ALLOW_HTTPS_TO_HTTP_REDIRECT;

    private SecurityFlags() {
    }

    public static int redirectPolicy(int flags) {
        return flags & REDIRECT_POLICY_MASK;
    }

    public static void validate(int flags) {
        int policy = redirectPolicy(flags);
        if ((flags & ~ALL) != 0 || (policy != REDIRECT_POLICY_ALLOW_SILENT
                && policy != REDIRECT_POLICY_ALLOW_REPORT && policy != REDIRECT_POLICY_DISALLOW)) {
            throw new BitsException(ErrorCodes.E_INVALIDARG,
                    "SecurityFlags 0x" + Integer.toHexString(flags) + " is not a valid combination.");
        }
    }
}
