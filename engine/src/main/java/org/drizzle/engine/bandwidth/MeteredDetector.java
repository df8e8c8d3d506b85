package org.drizzle.engine.bandwidth;

/** What the operating system's network manager says about an interface being metered. */
public interface MeteredDetector {
    /** No detector on this system: only declarations apply. */
    MeteredDetector NONE = name -> null;

    /** True/false when known, null when the system does not say (or cannot be asked). */
    Boolean metered(String interfaceName);
}
