package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.ProviderPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Resolves a -Path argument against the current location, expanding wildcards in its last segment. */
final class ItemPaths {
    private ItemPaths() {
    }

    /** The existing items {@code p} names (sorted); empty when nothing matches. */
    static List<Path> resolve(Path location, String p) throws IOException {
        Path target = ProviderPaths.resolve(location, p);
        String leaf = target.getFileName() == null ? "" : target.getFileName().toString();
        if (Files.exists(target) || !WildcardPattern.containsWildcard(leaf)) {
            // a name that exists as written is that file, as -LiteralPath would take it ("report[1].txt")
            return Files.exists(target) ? List.of(target) : List.of();
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return List.of();
        }
        WildcardPattern pattern = WildcardPattern.of(leaf);
        try (Stream<Path> s = Files.list(target.getParent())) {
            return s.filter(f -> pattern.matches(f.getFileName().toString())).sorted().toList();
        }
    }

    static IOException notFound(Path location, String p) {
        return new IOException("Cannot find path '" + ProviderPaths.resolve(location, p)
                + "' because it does not exist.");
    }
}
