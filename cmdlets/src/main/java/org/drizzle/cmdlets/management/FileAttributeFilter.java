package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Get-ChildItem -Attributes: PowerShell's FileAttributes expression, {@code !} for NOT, {@code +} for AND
 * and {@code ,} for OR ({@code Directory+!Hidden,ReadOnly}). A Linux item has the attributes .NET gives it on
 * Unix: Directory, ReparsePoint (a symbolic link), Hidden (a name starting with '.'), ReadOnly (its owner
 * may not write it), and Normal for a file with none of these; the Windows-only ones (Archive, System,
 * Compressed, Encrypted, ...) are valid names that no item has.
 */
final class FileAttributeFilter {
    /** System.IO.FileAttributes, in .NET's order (the order the error lists them in). */
    enum Attribute {
        ReadOnly, Hidden, System, Directory, Archive, Device, Normal, Temporary, SparseFile, ReparsePoint, Compressed,
        Offline, NotContentIndexed, Encrypted, IntegrityStream, NoScrubData
    }

    private record Term(Attribute attribute, boolean negated) {
    }

    /** OR of ANDs. */
    private final List<List<Term>> anyOf;

    private FileAttributeFilter(List<List<Term>> anyOf) {
        this.anyOf = anyOf;
    }

    /** Parses the expression; IllegalArgumentException naming the bad part in PowerShell's words. */
    static FileAttributeFilter parse(String expression) {
        List<List<Term>> anyOf = new ArrayList<>();
        for (String clause : expression.split(",", -1)) {
            List<Term> all = new ArrayList<>();
            for (String part : clause.split("\\+", -1)) {
                String name = part.trim();
                boolean negated = name.startsWith("!");
                if (negated) {
                    name = name.substring(1).trim();
                }
                all.add(new Term(attribute(name, expression), negated));
            }
            anyOf.add(all);
        }
        return new FileAttributeFilter(anyOf);
    }

    private static Attribute attribute(String name, String expression) {
        for (Attribute a : Attribute.values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        String names = Arrays.stream(Attribute.values()).map(Enum::name).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Cannot bind parameter 'Attributes'. Cannot convert value \"" + expression
                + "\" to type \"System.Management.Automation.FlagsExpression`1[System.IO.FileAttributes]\". Error: "
                + "\"Unable to match the identifier name " + name + " to a valid enumerator name. Specify one of the "
                + "following enumerator names and try again: " + names + "\"");
    }

    /** Whether the expression names the attribute at all (then it, not the hidden-item rule, decides). */
    boolean mentions(Attribute a) {
        return anyOf.stream().flatMap(List::stream).anyMatch(t -> t.attribute() == a);
    }

    boolean matches(Path item) {
        Set<Attribute> has = of(item);
        return anyOf.stream().anyMatch(all -> all.stream().allMatch(t -> has.contains(t.attribute()) != t.negated()));
    }

    /** The attributes .NET reports for a Linux item. */
    static Set<Attribute> of(Path item) {
        Set<Attribute> has = EnumSet.noneOf(Attribute.class);
        if (Files.isDirectory(item)) {
            has.add(Attribute.Directory);
        }
        if (Files.isSymbolicLink(item)) {
            has.add(Attribute.ReparsePoint);
        }
        if (item.getFileName() != null && item.getFileName().toString().startsWith(".")) {
            has.add(Attribute.Hidden);
        }
        try {
            if (!Files.getPosixFilePermissions(item, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_WRITE)
                    && !Files.isSymbolicLink(item)) {
                has.add(Attribute.ReadOnly);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no permissions to read: not marked read-only
        }
        if (has.isEmpty()) {
            has.add(Attribute.Normal);
        }
        return has;
    }
}
