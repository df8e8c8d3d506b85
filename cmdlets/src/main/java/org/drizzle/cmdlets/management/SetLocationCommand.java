package org.drizzle.cmdlets.management;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Set-Location: changes the session's current folder (relative paths resolve against it). */
@Cmdlet(verb = "Set", noun = "Location", synopsis = "Sets the current working location.")
@Example(code = "Set-Location $PSScriptRoot", remarks = "Works next to the script.")
public class SetLocationCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, valueFromPipelineByPropertyName = true, aliases = {"FullName", "LiteralPath", "PSPath", "LP"},
            help = "The folder (default: the home folder).")
    String path;
    @Parameter(help = "Output the new location.")
    boolean passThru;

    @Override
    public void process(Object input) {
        Path target = path == null ? Path.of(System.getProperty("user.home"))
                : context().resolvePath(path.startsWith("~") ? System.getProperty("user.home")
                        + path.substring(1) : path).normalize();
        if (!Files.isDirectory(target)) {
            throwTerminating(new ErrorRecord(new IOException("Cannot find path '" + target
                    + "' because it does not exist."), "PathNotFound", ErrorCategory.OBJECT_NOT_FOUND, target));
        }
        context().setCurrentLocation(target);
        if (passThru) {
            writeObject(target.toString());
        }
    }
}
