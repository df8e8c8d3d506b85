package org.drizzle.host.runtime;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.Parameter;

/** Invoke-Expression: runs PowerShell text in the caller's scope and writes its output. */
@Cmdlet(verb = "Invoke", noun = "Expression", synopsis = "Runs a string as PowerShell.",
        description = "Parses and runs the text in the current scope; variables it sets stay set.")
@Example(code = "Invoke-Expression '$n = 2; $n * 21'", remarks = "Writes 42.")
public class InvokeExpressionCommand extends Command {
    @Parameter(position = 0, mandatory = true, valueFromPipeline = true, help = "The text to run.")
    String command;

    @Override
    public void process(Object input) {
        ScriptRunner runner = ((HostContext) context()).runner();
        runner.capture(command).forEach(this::writeObject);
    }
}
