package org.drizzle.engine.job;

/** {@code BG_COPY_FILE_*}: which parts of an SMB source's security descriptor to copy (Windows only). */
public final class AclFlags {
    public static final int OWNER = 1;
    public static final int GROUP = 2;
    public static final int DACL = 4;
    public static final int SACL = 8;
    public static final int ALL = 15;

    private AclFlags() {
    }

    /** Parses bitsadmin's letters {@code o g d s} (any order, case-insensitive) or a number. */
    public static int parse(String text) {
        String t = text.trim();
        if (t.matches("\\d+")) {
            int v = Integer.parseInt(t);
            if (v > ALL) {
                throw new IllegalArgumentException("ACLFlags " + v + " is outside 0-15.");
            }
            return v;
        }
        int flags = 0;
        for (char c : t.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            flags |= switch (c) {
                case 'o' -> OWNER;
                case 'g' -> GROUP;
                case 'd' -> DACL;
                case 's' -> SACL;
                default -> throw new IllegalArgumentException("'" + text + "' is not a valid ACLFlags value; use the letters o, g, d, s.");
            };
        }
        return flags;
    }
}
