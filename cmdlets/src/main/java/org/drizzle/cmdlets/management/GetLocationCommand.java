package org.drizzle.cmdlets.management;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.lang.PropertyBag;

/** Get-Location: the session's current folder, as a PathInfo whose Path property and string form are the path. */
@Cmdlet(verb = "Get", noun = "Location", synopsis = "Gets the current working location.")
@Example(code = "$here = (Get-Location).Path", remarks = "The current folder as a string.")
public class GetLocationCommand extends Command {
    @Override
    public void process(Object input) {
        writeObject(new PathInfo(context().currentLocation().toString()));
    }

    /** PowerShell's PathInfo: prints as the path. */
    public record PathInfo(String path) implements PropertyBag {
        @Override
        public List<String> propertyNames() {
            return List.of("Path", "ProviderPath");
        }

        @Override
        public boolean hasProperty(String name) {
            return "Path".equalsIgnoreCase(name) || "ProviderPath".equalsIgnoreCase(name);
        }

        @Override
        public Object getProperty(String name) {
            return hasProperty(name) ? path : null;
        }

        @Override
        public String toString() {
            return path;
        }
    }
}
