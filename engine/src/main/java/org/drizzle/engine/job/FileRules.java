package org.drizzle.engine.job;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * BITS' input rules for a job's files (bits-reference.md §3.4-3.5): absolute local names in
 * existing folders, byte ranges, and the hidden temporary name beside the local name. Every
 * refusal is a {@link BitsException} whose message names the bad value.
 */
public final class FileRules {
    /** A Windows drive path ({@code C:\x} or {@code C:/x}), whatever the platform runs. */
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:[\\\\/].*");
    /** MAX_PATH on Windows; PATH_MAX elsewhere. */
    public static final int MAX_LOCAL_NAME = isWindows() ? 260 : 4096;

    private FileRules() {
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /**
     * LocalName: absolute, in an existing folder, not a folder itself; for uploads the file
     * must exist. Call with the owner's identity so "exists" means "exists for the owner".
     */
    public static Path checkLocalName(String local, boolean mustExist) {
        if (local == null || local.isEmpty()) {
            throw JobRules.invalid("The local name is empty.");
        }
        if (local.length() > MAX_LOCAL_NAME) {
            throw new BitsException(ErrorCodes.BG_E_STRING_TOO_LONG, "The local name is " + local.length()
                    + " characters long; at most " + MAX_LOCAL_NAME + " are allowed.");
        }
        Path path;
        try {
            path = Path.of(local);
        } catch (InvalidPathException e) {
            throw JobRules.invalid("The local name '" + local + "' is not a valid path: " + e.getReason());
        }
        if (!path.isAbsolute()) {
            throw JobRules.invalid("The local name '" + local + "' is not an absolute path.");
        }
        if (local.startsWith("\\\\?\\") || local.indexOf('*') >= 0 || local.indexOf('?') >= 0) {
            throw JobRules.invalid("The local name '" + local + "' contains wildcards or a \\\\?\\ prefix.");
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BitsException(ErrorCodes.ERROR_PATH_NOT_FOUND,
                    "The folder of the local name '" + local + "' does not exist.");
        }
        if (Files.isDirectory(path)) {
            throw JobRules.invalid("The local name '" + local + "' is a folder; give a file name.");
        }
        if (mustExist && !Files.isRegularFile(path)) {
            throw new BitsException(ErrorCodes.ERROR_FILE_NOT_FOUND, "The local file '" + local + "' does not exist.");
        }
        return path;
    }

    /**
     * AddFileWithRanges: downloads over http(s) only, at most {@code maxRanges}, no overlaps or
     * duplicates, no zero lengths, to-EOF only last. Returns the ranges in offset order.
     */
    public static List<ByteRange> checkRanges(Job job, URI remote, List<ByteRange> ranges, long maxRanges) {
        if (ranges == null || ranges.isEmpty()) {
            return List.of();
        }
        if (job.type != JobType.DOWNLOAD) {
            throw JobRules.invalid("Byte ranges apply to download jobs only.");
        }
        String scheme = remote.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw JobRules.invalid("Byte ranges need an http or https remote name, not '" + remote + "'.");
        }
        if (job.dynamic || !"GET".equals(job.httpMethod)) {
            throw JobRules.invalid("Byte ranges cannot be used with Dynamic or a non-GET HttpMethod.");
        }
        if (ranges.size() > maxRanges) {
            throw new BitsException(ErrorCodes.BG_E_TOO_MANY_RANGES_IN_FILE,
                    ranges.size() + " ranges given; MaxRangesPerFile is " + maxRanges + ".");
        }
        List<ByteRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(ByteRange::initialOffset));
        for (int i = 0; i < sorted.size(); i++) {
            ByteRange r = sorted.get(i);
            if (r.length() == 0) {
                throw new BitsException(ErrorCodes.BG_E_INVALID_RANGE, "The range " + r.initialOffset() + ":0 is empty.");
            }
            if (i + 1 < sorted.size()) {
                ByteRange next = sorted.get(i + 1);
                if (r.toEof() || r.initialOffset() + r.length() > next.initialOffset()) {
                    throw new BitsException(ErrorCodes.BG_E_OVERLAPPING_RANGES, "The range " + r.initialOffset()
                            + ":" + (r.toEof() ? "eof" : r.length()) + " overlaps the range at " + next.initialOffset() + ".");
                }
            }
        }
        return List.copyOf(sorted);
    }

    /** The hidden temp file BITS-style: {@code .BIT1A2B3C4D.tmp} (no dot on Windows) beside the local name. */
    public static String temporaryName(Path local, long random) {
        String hex = HexFormat.of().withUpperCase().toHexDigits((int) random);
        String name = (isWindows() ? "" : ".") + "BIT" + hex + ".tmp";
        return local.resolveSibling(name).toString();
    }

    static boolean absolute(String p) {
        if (p == null || p.isEmpty()) {
            return false;
        }
        if (p.startsWith("\\\\") || DRIVE.matcher(p).matches()) {
            return true;
        }
        try {
            return Path.of(p).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
