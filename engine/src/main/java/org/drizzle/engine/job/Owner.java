package org.drizzle.engine.job;

/** A job's owner: the numeric user id the kernel reports and its account name. */
public record Owner(long uid, String name) {
    /** PowerShell's OwnerAccount form; on Linux just the account name. */
    public String account() {
        return name;
    }
}
