package org.drizzle.host.runtime;

import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** New-Object: the curated .NET types scripts construct, and PSObject with -Property. */
@Cmdlet(verb = "New", noun = "Object", synopsis = "Creates an object of a supported .NET type.",
        description = "Supports PSObject/PSCustomObject (with -Property), System.Collections.ArrayList, Hashtable, "
                + "System.Diagnostics.Stopwatch, System.Text.StringBuilder, System.Uri, System.Version, TimeSpan and "
                + "the types a cast accepts. Other types are an error naming the type.")
@Example(code = "New-Object PSObject -Property @{ Name = 'job'; Files = 2 }", remarks = "A custom object.")
public class NewObjectCommand extends Command {
    @Parameter(position = 0, mandatory = true, help = "The type name.")
    String typeName;
    @Parameter(position = 1, aliases = {"Args"}, help = "Constructor arguments.")
    List<Object> argumentList;
    @Parameter(help = "Properties to set on the new object.")
    Map<Object, Object> property;

    @Override
    public void end() {
        ScriptRuntime rt = ((HostContext) context()).runtime();
        Object o = NewObject.create(rt, typeName, argumentList == null ? List.of() : argumentList);
        if (property != null) {
            if (o instanceof PSCustomObject p) {
                property.forEach((k, v) -> p.setProperty(LanguagePrimitives.toStr(k), v));
            } else {
                property.forEach((k, v) -> Members.setProperty(o, LanguagePrimitives.toStr(k), v));
            }
        }
        writeObject(o);
    }
}
