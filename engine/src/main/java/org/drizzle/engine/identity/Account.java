package org.drizzle.engine.identity;

/**
 * A local user account as the password database describes it.
 *
 * @param groups the supplementary group ids (including the primary group), as initgroups
 *               would set them
 */
public record Account(long uid, long gid, String name, String home, int[] groups) {
}
