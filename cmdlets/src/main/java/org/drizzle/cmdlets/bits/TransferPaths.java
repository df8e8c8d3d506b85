package org.drizzle.cmdlets.bits;

import org.drizzle.cmdlets.api.ProviderPaths;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.drizzle.cmdlets.lang.WildcardPattern;
import org.drizzle.engine.job.BgFileInfo;
import org.drizzle.engine.job.JobType;
import org.drizzle.engine.job.RemoteName;

/**
 * Pairs Start-BitsTransfer/Add-BitsFile sources with destinations as the cmdlets do: counts
 * must match unless the one destination is a folder, local sources may use wildcards
 * (HTTP sources may not), relative paths are resolved against the current location, and a
 * missing destination means "the current folder, same file name".
 */
final class TransferPaths {
    /** A URL: a scheme, then "://" (compiled once: a job names up to thousands of sources). */
    private static final Pattern REMOTE = Pattern.compile("(?i)^[a-z][a-z0-9+.-]*://.*");
    private static final Pattern QUERY_OR_FRAGMENT = Pattern.compile("[?#].*$");

    private TransferPaths() {
    }

    static List<BgFileInfo> pair(JobType type, List<String> sources, List<String> destinations, Path cwd) {
        if (type.isUpload()) {
            return pairUpload(sources, destinations, cwd);
        }
        List<String> expanded = new ArrayList<>();
        for (String s : sources) {
            expanded.addAll(expandSource(s, cwd));
        }
        List<String> dests = destinations == null ? List.of() : destinations;
        for (String d : dests) {
            if (WildcardPattern.containsWildcard(d)) {
                throw new IllegalArgumentException("The destination '" + d + "' contains wildcard characters; "
                        + "a destination must name a file or a folder.");
            }
        }
        List<BgFileInfo> out = new ArrayList<>();
        if (dests.isEmpty() || (dests.size() == 1 && (expanded.size() > 1 || isFolder(dests.get(0), cwd)))) {
            Path folder = dests.isEmpty() ? cwd : ProviderPaths.resolve(cwd, dests.get(0));
            for (String s : expanded) {
                out.add(new BgFileInfo(s, folder.resolve(fileName(s)).normalize().toString()));
            }
            return out;
        }
        if (dests.size() != expanded.size()) {
            throw new IllegalArgumentException("The number of items in the Source parameter (" + expanded.size()
                    + ") does not match the number of items in the Destination parameter (" + dests.size() + ").");
        }
        for (int i = 0; i < expanded.size(); i++) {
            Path d = ProviderPaths.resolve(cwd, dests.get(i));
            if (Files.isDirectory(d)) {
                d = d.resolve(fileName(expanded.get(i)));
            }
            out.add(new BgFileInfo(expanded.get(i), d.normalize().toString()));
        }
        return out;
    }

    private static List<BgFileInfo> pairUpload(List<String> sources, List<String> destinations, Path cwd) {
        if (destinations == null || destinations.isEmpty()) {
            throw new IllegalArgumentException("An upload needs -Destination: the URL to upload to.");
        }
        if (sources.size() != 1 || destinations.size() != 1) {
            throw new IllegalArgumentException("An upload job transfers exactly one file; got " + sources.size()
                    + " source(s) and " + destinations.size() + " destination(s).");
        }
        Path local = ProviderPaths.resolve(cwd, sources.get(0));
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("Cannot find the file to upload: '" + local + "'.");
        }
        return List.of(new BgFileInfo(destinations.get(0), local.toString()));
    }

    private static boolean isRemote(String s) {
        return REMOTE.matcher(s).matches();
    }

    private static List<String> expandSource(String s, Path cwd) {
        if (isRemote(s)) {
            if (QUERY_OR_FRAGMENT.matcher(s).replaceFirst("").contains("*")) {
                throw new IllegalArgumentException("The source '" + s + "' contains wildcard characters; wildcards "
                        + "are supported only for local and UNC paths, not for HTTP or HTTPS sources.");
            }
            return List.of(s);
        }
        Path p = ProviderPaths.resolve(cwd, s);
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (!WildcardPattern.containsWildcard(name)) {
            return List.of(p.toString());
        }
        WildcardPattern pattern = WildcardPattern.of(name);
        List<String> matches = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(p.getParent())) {
            for (Path f : dir) {
                if (Files.isRegularFile(f) && pattern.matches(f.getFileName().toString())) {
                    matches.add(f.toString());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list '" + p.getParent() + "': " + e.getMessage(), e);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No file matches the source '" + s + "'.");
        }
        matches.sort(null);
        return matches;
    }

    private static boolean isFolder(String d, Path cwd) {
        return d.endsWith("/") || d.endsWith("\\") || Files.isDirectory(ProviderPaths.resolve(cwd, d));
    }

    /** The file name a source gives its destination: the last path segment, URL-decoded. */
    static String fileName(String source) {
        String path = source;
        if (isRemote(source)) {
            try {
                path = URI.create(RemoteName.escape(source)).getRawPath();
            } catch (IllegalArgumentException e) {
                path = QUERY_OR_FRAGMENT.matcher(source).replaceFirst("");
            }
            path = path == null ? "" : URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        String name = path.substring(slash + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Cannot derive a file name from the source '" + source
                    + "'; give a -Destination file name.");
        }
        return name;
    }
}
