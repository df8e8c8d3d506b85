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

    private final List<String> lines = new ArrayList<>();

    @Override
    public void process(Object input) {
        lines.add(inputObject);
    }

    @Override
    public void end() {
        try {
            context().writeEnumerated(JsonConverter.fromJson(String.join("\n", lines)));
        } catch (IllegalArgumentException e) {
            throwTerminating(new ErrorRecord(e, "System.ArgumentException", ErrorCategory.PARSER_ERROR, null));
        }
    }
}
