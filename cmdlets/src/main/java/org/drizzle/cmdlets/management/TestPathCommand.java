package org.drizzle.cmdlets.management;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Test-Path: whether each path exists (as a folder with -PathType Container, a file with Leaf). */
@Cmdlet(verb = "Test", noun = "Path", synopsis = "Determines whether all elements of a path exist.")
@Example(code = "if (-not (Test-Path $dest)) { New-Item -ItemType Directory $dest }", remarks = "Makes a folder if missing.")
public class TestPathCommand extends Command {
    @Parameter(aliases = {"LiteralPath", "PSPath", "LP"}, position = 0, mandatory = true, valueFromPipeline = true, valueFromPipelineByPropertyName = true,
            help = "The paths to test.")
    String[] path;
    @Parameter(aliases = "Type", validateSet = {"Any", "Container", "Leaf"}, help = "Any, Container or Leaf.")
    String pathType = "Any";
    @Parameter(help = "Only check that the path is well formed.")
    boolean isValid;

    @Override
    public void process(Object input) {
        for (String p : path) {
            Path file;
            try {
                file = context().resolvePath(p);
            } catch (InvalidPathException e) {
                writeObject(false);
                continue;
            }
            boolean ok = isValid || switch (pathType.toLowerCase()) {
                case "container" -> Files.isDirectory(file);
                case "leaf" -> Files.exists(file) && !Files.isDirectory(file);
                default -> Files.exists(file);
            };
            writeObject(ok);
        }
    }
}
