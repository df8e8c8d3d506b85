package org.drizzle.cmdlets.dotnet;

import java.util.Objects;

/**
 * A System.Version: Major.Minor[.Build[.Revision]], with -1 for an absent part, compared part by
 * part (so 1.10 is greater than 1.9, unlike a string comparison).
 */
public final class DotNetVersion implements Comparable<DotNetVersion> {
    private final int major;
    private final int minor;
    private final int build;
    private final int revision;

    public DotNetVersion(int major, int minor, int build, int revision) {
        if (major < 0 || minor < 0 || build < -1 || revision < -1 || (build == -1 && revision != -1)) {
            throw new DotNetException("ArgumentOutOfRange", "Version's parameters must be greater than or equal to zero.");
        }
        this.major = major;
        this.minor = minor;
        this.build = build;
        this.revision = revision;
    }

    /** Version.Parse: two to four dot-separated non-negative integers. */
    public static DotNetVersion parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 2 || parts.length > 4) {
            throw new DotNetException("FormatException", "Version string '" + text + "' must have two to four parts (1.2, 1.2.3 or 1.2.3.4).");
        }
        int[] v = {0, 0, -1, -1};
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new DotNetException("FormatException", "Version string '" + text + "' has a part that is not a number: '" + parts[i] + "'.");
            }
        }
        return new DotNetVersion(v[0], v[1], v[2], v[3]);
    }

    public int getMajor() {
        return major;
    }

    public int getMinor() {
        return minor;
    }

    public int getBuild() {
        return build;
    }

    public int getRevision() {
        return revision;
    }

    @Override
    public int compareTo(DotNetVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(build, o.build);
        return c != 0 ? c : Integer.compare(revision, o.revision);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DotNetVersion v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(major, minor, build, revision);
    }

    @Override
    public String toString() {
        return major + "." + minor + (build >= 0 ? "." + build : "") + (revision >= 0 ? "." + revision : "");
    }
}
