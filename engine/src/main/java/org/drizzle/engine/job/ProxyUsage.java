package org.drizzle.engine.job;

/** {@code BG_JOB_PROXY_USAGE}, with the PowerShell names the cmdlets take. */
public enum ProxyUsage {
    /** {@code BG_JOB_PROXY_USAGE_PRECONFIG} (PowerShell: SystemDefault). */
    SYSTEM_DEFAULT(0),
    /** {@code BG_JOB_PROXY_USAGE_NO_PROXY}. */
    NO_PROXY(1),
    /** {@code BG_JOB_PROXY_USAGE_OVERRIDE}: use the job's ProxyList and ProxyBypass. */
    OVERRIDE(2),
    /** {@code BG_JOB_PROXY_USAGE_AUTODETECT}. */
    AUTO_DETECT(3);

    private final int value;

    ProxyUsage(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public String displayName() {
        return Names.pascal(name());
    }

    public static ProxyUsage parse(String text) {
        if ("preconfig".equalsIgnoreCase(text)) {
            return SYSTEM_DEFAULT;
        }
        return Names.parse(ProxyUsage.class, text);
    }
}
