package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * Get-ChildItem with PowerShell 7's FileSystem parameters: -Path (wildcards) or -LiteralPath, -Filter,
 * -Include, -Exclude, -Recurse, -Depth, -File, -Directory, -Hidden, -ReadOnly, -Force, -Name,
 * -FollowSymlink, -Attributes. As in PowerShell on Linux, a name starting with '.' is hidden: shown only with
 * -Force or -Hidden. Each folder lists its folders, then its files, by name; -Recurse then descends
 * into each subfolder in that order.
 */
@Cmdlet(verb = "Get", noun = "ChildItem", synopsis = "Gets the items in a folder.",
        description = "Lists a folder's entries (folders first, then files, by name), or the items matching a wildcard path.")
@Example(code = "Get-ChildItem /data -Filter *.iso -File", remarks = "The ISO files in /data.")
@Example(code = "Get-ChildItem /logs -Recurse -Include *.log -Exclude debug* -Depth 2",
        remarks = "The .log files up to two folders down, except those named debug*.")
public class GetChildItemCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, valueFromPipelineByPropertyName = true, aliases = {"FullName"},
            help = "Folders or wildcard paths (default: the current folder).")
    String[] path;
    @Parameter(valueFromPipelineByPropertyName = true, aliases = {"PSPath", "LP"},
            help = "Folders or files taken exactly as written: no character is a wildcard.")
    String[] literalPath;
    @Parameter(position = 1, help = "A wildcard the names must match.")
    String filter;
    @Parameter(help = "Wildcards: only items whose name matches one of them.")
    String[] include;
    @Parameter(help = "Wildcards: leave out items whose name matches one of them.")
    String[] exclude;
    @Parameter(aliases = {"s", "r"}, help = "Include subfolders.")
    boolean recurse;
    @Parameter(help = "How many folder levels below the path to descend (implies -Recurse); 0 is the folder itself.")
    Integer depth;
    @Parameter(aliases = {"af"}, help = "Only files.")
    boolean file;
    @Parameter(aliases = {"ad", "d"}, help = "Only folders.")
    boolean directory;
    @Parameter(aliases = {"ah", "h"}, help = "Only hidden items (names starting with '.').")
    boolean hidden;
    @Parameter(aliases = {"ar"}, help = "Only items this account cannot write.")
    boolean readOnly;
    @Parameter(help = "Include hidden items.")
    boolean force;
    @Parameter(help = "Output names (relative paths) instead of items.")
    boolean name;
    @Parameter(help = "With -Recurse, also descend into folders that are symbolic links.")
    boolean followSymlink;
    @Parameter(help = "A FileAttributes expression: ! is NOT, + is AND, a comma is OR (Directory+!Hidden,ReadOnly). "
            + "Linux items have Directory, ReparsePoint (symbolic link), Hidden (name starts with '.'), ReadOnly "
            + "(owner may not write) or else Normal.")
    String[] attributes;

    private List<WildcardPattern> includes;
    private List<WildcardPattern> excludes;
    private FileAttributeFilter attributeFilter;
    /** -Attributes names Hidden, so it, not the hidden-item rule, decides about hidden items. */
    private boolean attributesDecideHidden;

    @Override
    public void begin() {
        includes = patterns(include);
        excludes = patterns(exclude);
        if (attributes != null && attributes.length > 0) {
            String expression = String.join(",", attributes);
            try {
                attributeFilter = FileAttributeFilter.parse(expression);
            } catch (IllegalArgumentException e) {
                throw throwTerminating(new ErrorRecord(e, "ParameterArgumentTransformationError",
                        ErrorCategory.INVALID_ARGUMENT, expression));
            }
            attributesDecideHidden = attributeFilter.mentions(FileAttributeFilter.Attribute.Hidden);
        }
    }

    private static List<WildcardPattern> patterns(String[] p) {
        List<WildcardPattern> out = new ArrayList<>();
        if (p != null) {
            for (String s : p) {
                out.add(WildcardPattern.of(s));
            }
        }
        return out;
    }

    @Override
    public void process(Object input) {
        boolean literal = literalPath != null;
        String[] paths = literal ? literalPath : path == null ? new String[] {"."} : path;
        for (String p : paths) {
            Path target = context().resolvePath(p).normalize();
            List<WildcardPattern> pattern = new ArrayList<>();
            if (filter != null) {
                pattern.add(WildcardPattern.of(filter));
            }
            Path root = target;
            if (!literal && !Files.exists(target) && target.getFileName() != null
                    && WildcardPattern.containsWildcard(target.getFileName().toString())) {
                // a wildcard last step names the folder's matching children
                pattern.add(WildcardPattern.of(target.getFileName().toString()));
                root = target.getParent();
            } else if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                writeError(new ErrorRecord(new IOException("Cannot find path '" + target + "' because it does not exist."),
                        "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, target));
                continue;
            } else if (!Files.isDirectory(target)) {
                if (wanted(target, pattern)) {
                    writeObject(name ? target.getFileName().toString() : new FileItem(target));
                }
                continue;
            }
            int levels = depth != null ? Math.max(depth, 0) : recurse ? Integer.MAX_VALUE : 0;
            list(root, root, pattern, levels);
        }
    }

    /** One folder: its folders then its files, by name; then, while levels remain, each subfolder in turn. */
    private void list(Path base, Path folder, List<WildcardPattern> pattern, int levels) {
        List<Path> children;
        try (Stream<Path> s = Files.list(folder)) {
            children = s.sorted(Comparator.comparing((Path c) -> !Files.isDirectory(c))
                    .thenComparing(c -> c.getFileName().toString().toLowerCase(Locale.ROOT))).toList();
        } catch (NoSuchFileException e) {
            writeError(new ErrorRecord(new IOException("Cannot find path '" + folder + "' because it does not exist."),
                    "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, folder));
            return;
        } catch (IOException e) {
            writeError(new ErrorRecord(new IOException("Access to the path '" + folder + "' is denied."),
                    "DirUnauthorizedAccessError", ErrorCategory.PERMISSION_DENIED, folder));
            return;
        }
        for (Path c : children) {
            if (wanted(c, pattern)) {
                writeObject(name ? base.relativize(c).toString() : new FileItem(c));
            }
        }
        if (levels <= 0) {
            return;
        }
        for (Path c : children) {
            boolean descend = Files.isDirectory(c) && (followSymlink || !Files.isSymbolicLink(c))
                    && (force || hidden || attributesDecideHidden || !isHidden(c));
            if (descend) {
                list(base, c, pattern, levels - 1);
            }
        }
    }

    private boolean wanted(Path c, List<WildcardPattern> pattern) {
        String n = c.getFileName().toString();
        boolean dir = Files.isDirectory(c);
        if (hidden ? !isHidden(c) : !force && !attributesDecideHidden && isHidden(c)) {
            return false;
        }
        if (attributeFilter != null && !attributeFilter.matches(c)) {
            return false;
        }
        if (file && dir || directory && !dir || readOnly && Files.isWritable(c)) {
            return false;
        }
        if (pattern.stream().anyMatch(w -> !w.matches(n))) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(w -> w.matches(n))) {
            return false;
        }
        return excludes.stream().noneMatch(w -> w.matches(n));
    }

    private static boolean isHidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }
}
