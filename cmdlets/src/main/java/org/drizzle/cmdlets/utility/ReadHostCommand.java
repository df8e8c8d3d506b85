package org.drizzle.cmdlets.utility;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Read-Host: reads a line from the console (without echo for -AsSecureString/-MaskInput). */
@Cmdlet(verb = "Read", noun = "Host", synopsis = "Reads a line of input from the console.")
@Example(code = "$answer = Read-Host 'Remove all jobs? (y/n)'", remarks = "Asks a question.")
public class ReadHostCommand extends Command {
    @Parameter(position = 0, valueFromRemainingArguments = true, help = "The prompt (a colon is added).")
    Object[] prompt;
    @Parameter(help = "Do not echo the input.")
    boolean asSecureString;
    @Parameter(help = "Do not echo the input.")
    boolean maskInput;

    @Override
    public void process(Object input) {
        List<String> parts = new ArrayList<>();
        if (prompt != null) {
            for (Object o : prompt) {
                parts.add(LanguagePrimitives.toStr(o));
            }
        }
        String text = parts.isEmpty() ? "" : String.join(" ", parts) + ": ";
        String line = context().ui().readLine(text, asSecureString || maskInput);
        writeObject(line == null ? "" : line);
    }
}
