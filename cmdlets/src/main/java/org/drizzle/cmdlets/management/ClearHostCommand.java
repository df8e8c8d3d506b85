package org.drizzle.cmdlets.management;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;

/** Clear-Host: clears an interactive terminal (ANSI); does nothing when output is not a terminal. */
@Cmdlet(verb = "Clear", noun = "Host", synopsis = "Clears the display.")
@Example(code = "cls", remarks = "Clears the screen.")
public class ClearHostCommand extends Command {
    @Override
    public void process(Object input) {
        if (context().ui().isInteractive()) {
            context().ui().write("\u001b[H\u001b[2J", null, false);
        }
    }
}
