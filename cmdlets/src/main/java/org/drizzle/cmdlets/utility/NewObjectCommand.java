package org.drizzle.cmdlets.utility;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.dotnet.DotNetTypes;
import org.drizzle.cmdlets.lang.LanguagePrimitives;
import org.drizzle.cmdlets.lang.Members;
import org.drizzle.cmdlets.lang.PSCustomObject;

/** New-Object: an instance of one of the curated .NET types, or a PSCustomObject from -Property. */
@Cmdlet(verb = "New", noun = "Object", synopsis = "Creates an instance of a .NET type or a custom object.",
        description = "Creates an object of one of the .NET types listed in docs/dotnet-types.md (System.Net.WebClient, "
                + "System.Version, System.Uri, ...) with -ArgumentList as constructor arguments, then sets each "
                + "-Property entry on it. PSObject/PSCustomObject with -Property builds a custom object. COM objects "
                + "are not available.")
@Example(code = "(New-Object System.Net.WebClient).DownloadFile($url, $dest)", remarks = "The classic one-line download.")
@Example(code = "New-Object PSObject -Property @{ Name = 'a'; Size = 1 }", remarks = "A custom object.")
public class NewObjectCommand extends Command {
    private static final Set<String> CUSTOM = Set.of("psobject", "pscustomobject", "system.management.automation.psobject",
            "management.automation.psobject", "system.object", "object");

    @Parameter(position = 0, mandatory = true, parameterSet = "Net", help = "The .NET type name.")
    String typeName;
    @Parameter(position = 1, parameterSet = "Net", aliases = "Args", help = "Constructor arguments.")
    Object[] argumentList;
    @Parameter(help = "Property values to set on the new object (a hashtable).")
    Object property;
    @Parameter(position = 0, mandatory = true, parameterSet = "Com", help = "Not available: there is no COM on this platform.")
    String comObject;

    @Override
    public void process(Object input) {
        if (comObject != null) {
            throw throwTerminating(new ErrorRecord(new UnsupportedOperationException("COM object '" + comObject
                    + "' cannot be created: COM is not available on this platform."), "NoCOMClassIdentified",
                    ErrorCategory.NOT_IMPLEMENTED, comObject));
        }
        Map<?, ?> props = property == null ? Map.of() : property instanceof Map<?, ?> m ? m : null;
        if (props == null) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("-Property takes a hashtable."),
                    "InvalidProperty", ErrorCategory.INVALID_ARGUMENT, property));
        }
        if (CUSTOM.contains(typeName.trim().toLowerCase(Locale.ROOT))) {
            writeObject(PSCustomObject.of(props));
            return;
        }
        Object created;
        try {
            List<Object> args = argumentList == null ? List.of() : Arrays.asList(argumentList);
            created = DotNetTypes.require(typeName).construct(args);
        } catch (IllegalArgumentException e) {
            throw throwTerminating(new ErrorRecord(e, "CannotFindAppropriateCtor", ErrorCategory.INVALID_TYPE, typeName));
        }
        props.forEach((k, v) -> Members.setProperty(created, LanguagePrimitives.toStr(k), v));
        writeObject(created);
    }
}
