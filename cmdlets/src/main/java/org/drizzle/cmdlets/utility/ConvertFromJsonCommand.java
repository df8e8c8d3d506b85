package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** ConvertFrom-Json: parses JSON text (all piped lines together) into objects. */
@Cmdlet(verb = "ConvertFrom", noun = "Json", synopsis = "Converts a JSON-formatted string to a custom object.")
@Example(code = "$cfg = Get-Content settings.json -Raw | ConvertFrom-Json", remarks = "Reads a settings file.")
public class ConvertFromJsonCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The JSON text.")
    String inputObject;
    @Parameter(help = "Output ordered hashtables instead of objects.")
    boolean asHashtable;
    @Parameter(help = "The deepest nesting allowed (1024 by default).")
    int depth = JsonConverter.DEFAULT_READ_DEPTH;
    @Parameter(help = "Output an array as one object instead of its elements.")
    boolean noEnumerate;

    private final List<String> lines = new ArrayList<>();

    @Override
    public void process(Object input) {
        lines.add(inputObject);
    }

    @Override
    public void end() {
        try {
            if (depth < 1) {
                throw new IllegalArgumentException("Cannot validate argument on parameter 'Depth'. The " + depth
                        + " argument is less than the minimum allowed range of 1. Supply an argument that is greater "
                        + "than or equal to 1 and then try the command again.");
            }
            Object v = JsonConverter.fromJson(String.join("\n", lines), asHashtable, depth);
            if (noEnumerate) {
                writeObject(v);
            } else {
                context().writeEnumerated(v);
            }
        } catch (IllegalArgumentException e) {
            throwTerminating(new ErrorRecord(e, "System.ArgumentException", ErrorCategory.PARSER_ERROR, null));
        }
    }
}
