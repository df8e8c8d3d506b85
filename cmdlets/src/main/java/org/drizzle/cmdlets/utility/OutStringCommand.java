package org.drizzle.cmdlets.utility;

import java.util.List;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.format.Formatter;

/** Out-String: the text the console would show for the inputs, as one string (or lines with -Stream). */
@Cmdlet(verb = "Out", noun = "String", synopsis = "Outputs input objects as a string.",
        description = "Formats the inputs as the console would and outputs the text.")
@Example(code = "$report = Get-BitsTransfer | Out-String", remarks = "The job table as text.")
public class OutStringCommand extends CollectingCommand {
    @Parameter(help = "Output one string per line.")
    boolean stream;
    @Parameter(help = "Line width (default: the terminal's).")
    Integer width;
    @Parameter(help = "Remove every newline from the formatted text.")
    boolean noNewline;

    @Override
    public void end() {
        String text = Formatter.format(items, width == null ? context().ui().width() : width);
        if (noNewline) {
            text = text.replace("\r", "").replace("\n", "");
        }
        if (stream && !noNewline) {
            text.lines().forEach(this::writeObject);
        } else {
            writeObject(text);
        }
    }
}
