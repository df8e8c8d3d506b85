package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Write-Host: writes text straight to the console, optionally coloured, never to the pipeline. */
@Cmdlet(verb = "Write", noun = "Host", synopsis = "Writes customized output to a host.")
@Example(code = "Write-Host \"Download failed\" -ForegroundColor Red", remarks = "A red message.")
public class WriteHostCommand extends Command {
    @Parameter(position = 0, valueFromPipeline = true, valueFromRemainingArguments = true, aliases = {"Msg", "Message"},
            help = "What to write.")
    Object[] object;
    @Parameter(help = "Text colour (Red, Green, Yellow, ...).")
    String foregroundColor;
    @Parameter(help = "Accepted for compatibility.")
    String backgroundColor;
    @Parameter(help = "Do not end the line.")
    boolean noNewline;
    @Parameter(help = "Put between the objects (default a space).")
    String separator = " ";

    @Override
    public void process(Object input) {
        List<String> parts = new ArrayList<>();
        if (object != null) {
            for (Object o : object) {
                parts.add(LanguagePrimitives.toStr(o));
            }
        }
        context().writeHost(String.join(separator, parts), foregroundColor, !noNewline);
    }
}
