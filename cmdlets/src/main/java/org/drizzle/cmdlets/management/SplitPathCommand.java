package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Split-Path: the parent folder of a path (default), or its leaf, leaf base name or extension. */
@Cmdlet(verb = "Split", noun = "Path", synopsis = "Returns the specified part of a path.")
@Example(code = "Split-Path $dest -Leaf", remarks = "The file name of $dest.")
public class SplitPathCommand extends Command {
    @Parameter(aliases = {"LiteralPath", "PSPath", "LP"}, position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            help = "The paths.")
    String[] path;
    @Parameter(help = "The last element.")
    boolean leaf;
    @Parameter(help = "The last element without its extension.")
    boolean leafBase;
    @Parameter(help = "The extension of the last element (with the dot).")
    boolean extension;
    @Parameter(help = "The parent folder (the default).")
    boolean parent;
    @Parameter(help = "The drive qualifier (such as C:); a Linux path has none.")
    boolean qualifier;
    @Parameter(help = "The path without its drive qualifier.")
    boolean noQualifier;
    @Parameter(help = "Whether the path is absolute (True or False).")
    boolean isAbsolute;
    @Parameter(help = "Split the existing paths the argument names (wildcards expanded) instead of the text.")
    boolean resolve;

    @Override
    public void process(Object input) {
        for (String p : resolve ? resolved() : java.util.List.of(path)) {
            if (isAbsolute) {
                writeObject(p.startsWith("/") || p.startsWith("\\") || p.startsWith("~") || p.matches("(?s)[A-Za-z]+:.*"));
                continue;
            }
            int colon = p.indexOf(':');
            boolean qualified = colon > 0 && p.substring(0, colon).matches("[A-Za-z]+");
            if (qualifier) {
                if (!qualified) {
                    throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot parse path because "
                            + "path '" + p + "' does not have a qualifier specified."), "ParsePathError",
                            ErrorCategory.INVALID_ARGUMENT, p));
                }
                writeObject(p.substring(0, colon + 1));
                continue;
            }
            if (noQualifier) {
                writeObject(qualified ? p.substring(colon + 1) : p);
                continue;
            }
            String trimmed = p.length() > 1 ? p.replaceAll("[/\\\\]+$", "") : p;
            int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
            String last = trimmed.substring(slash + 1);
            int dot = last.lastIndexOf('.');
            if (leaf) {
                writeObject(last);
            } else if (leafBase) {
                writeObject(dot > 0 ? last.substring(0, dot) : last);
            } else if (extension) {
                writeObject(dot > 0 ? last.substring(dot) : "");
            } else {
                writeObject(slash < 0 ? "" : slash == 0 ? trimmed.substring(0, 1) : trimmed.substring(0, slash));
            }
        }
    }

    private java.util.List<String> resolved() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String p : path) {
            try {
                java.util.List<java.nio.file.Path> found = ItemPaths.resolve(context().currentLocation(), p);
                if (found.isEmpty()) {
                    throw ItemPaths.notFound(context().currentLocation(), p);
                }
                found.forEach(f -> out.add(f.toString()));
            } catch (java.io.IOException e) {
                writeError(new ErrorRecord(e, "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, p));
            }
        }
        return out;
    }
}
