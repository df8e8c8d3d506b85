package org.drizzle.cmdlets.management;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.lang.WildcardPattern;

/**
 * PowerShell's -Filter, -Include and -Exclude on the item cmdlets: each is a wildcard on an item's
 * leaf name, applied to the items -Path resolved to. An item passes when it matches -Filter (if
 * given), one of -Include (if given) and none of -Exclude.
 */
final class ItemFilter {
    private final WildcardPattern filter;
    private final List<WildcardPattern> includes;
    private final List<WildcardPattern> excludes;

    ItemFilter(String filter, String[] include, String[] exclude) {
        this.filter = filter == null || filter.isEmpty() ? null : WildcardPattern.of(filter);
        this.includes = patterns(include);
        this.excludes = patterns(exclude);
    }

    private static List<WildcardPattern> patterns(String[] p) {
        List<WildcardPattern> out = new ArrayList<>();
        if (p != null) {
            for (String s : p) {
                if (s != null && !s.isEmpty()) {
                    out.add(WildcardPattern.of(s));
                }
            }
        }
        return out;
    }

    /** Whether no option was given, so every resolved item passes. */
    boolean isEmpty() {
        return filter == null && includes.isEmpty() && excludes.isEmpty();
    }

    boolean accepts(Path item) {
        String leaf = item.getFileName() == null ? item.toString() : item.getFileName().toString();
        if (filter != null && !filter.matches(leaf)) {
            return false;
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(w -> w.matches(leaf))) {
            return false;
        }
        return excludes.stream().noneMatch(w -> w.matches(leaf));
    }

    /** The items that pass, in their order. */
    List<Path> apply(List<Path> items) {
        return isEmpty() ? items : items.stream().filter(this::accepts).toList();
    }
}
