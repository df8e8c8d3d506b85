package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
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

    @Override
    public void process(Object input) {
        for (String p : path) {
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
}
