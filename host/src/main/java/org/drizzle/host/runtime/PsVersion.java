package org.drizzle.host.runtime;

import java.util.Arrays;

/** [version]: Major.Minor[.Build[.Revision]], compared part by part. */
public record PsVersion(int major, int minor, int build, int revision) implements Comparable<PsVersion> {

    static PsVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2 || parts.length > 4) {
            throw new org.drizzle.cmdlets.lang.ConversionException(text, "Version", "Version string portion was too short or too long.");
        }
        int[] n = new int[] {0, 0, -1, -1};
        try {
            for (int i = 0; i < parts.length; i++) {
                n[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw new org.drizzle.cmdlets.lang.ConversionException(text, "Version", "Input string was not in a correct format.");
        }
        return new PsVersion(n[0], n[1], n[2], n[3]);
    }

    @Override
    public int compareTo(PsVersion o) {
        return Arrays.compare(new int[] {major, minor, build, revision}, new int[] {o.major, o.minor, o.build, o.revision});
    }

    @Override
    public String toString() {
        return major + "." + minor + (build >= 0 ? "." + build : "") + (revision >= 0 ? "." + revision : "");
    }
}
