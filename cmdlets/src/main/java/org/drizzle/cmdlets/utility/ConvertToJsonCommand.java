package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** ConvertTo-Json: the inputs as one JSON document (an array when several). */
@Cmdlet(verb = "ConvertTo", noun = "Json", synopsis = "Converts an object to a JSON-formatted string.",
        description = "Serialises the inputs' properties; -Depth (default 2) limits nesting, -Compress drops whitespace.")
@Example(code = "Get-BitsTransfer | Select-Object DisplayName, JobState | ConvertTo-Json -Compress",
        remarks = "Machine-readable job states.")
public class ConvertToJsonCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The objects to convert.")
    Object inputObject;
    @Parameter(help = "How many levels of contained objects are included (default 2).")
    int depth = 2;
    @Parameter(help = "Omit white space and indentation.")
    boolean compress;
    @Parameter(help = "Write a JSON array even for a single object.")
    boolean asArray;
    @Parameter(help = "Write enumeration values as their names: Drizzle always does.")
    boolean enumsAsStrings;
    @Parameter(validateSet = {"Default", "EscapeNonAscii", "EscapeHtml"},
            help = "Also escape non-ASCII characters, or HTML's < > & ' characters, as \\uXXXX.")
    String escapeHandling = "Default";

    private final List<Object> items = new ArrayList<>();

    @Override
    public void process(Object input) {
        items.add(Outputs.item(inputObject, input));
    }

    @Override
    public void end() {
        if (items.isEmpty()) {
            return; // @() | ConvertTo-Json writes nothing, as in PowerShell 7
        }
        boolean[] truncated = new boolean[1];
        String json = JsonConverter.toJson(items.size() == 1 && !asArray ? items.get(0) : items, depth, compress, truncated);
        json = escape(json);
        if (truncated[0]) {
            context().writeWarning("Resulting JSON is truncated as serialization has exceeded the set depth of " + depth + ".");
        }
        writeObject(json);
    }

    /** Characters outside ASCII, or HTML's, only ever stand inside JSON strings, so escaping them in place is safe. */
    private String escape(String json) {
        boolean nonAscii = escapeHandling.equalsIgnoreCase("EscapeNonAscii");
        boolean html = escapeHandling.equalsIgnoreCase("EscapeHtml");
        if (!nonAscii && !html) {
            return json;
        }
        StringBuilder b = new StringBuilder(json.length());
        for (char c : json.toCharArray()) {
            boolean escape = nonAscii ? c > 127 : c == '<' || c == '>' || c == '&' || c == '\'';
            b.append(escape ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
