package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.HelpWriter;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ParameterBinder;

/** Get-Help: a command's help, generated from its own declarations (synopsis, syntax, parameters, examples). */
@Cmdlet(verb = "Get", noun = "Help", synopsis = "Displays information about commands.",
        description = "Shows NAME, SYNOPSIS, SYNTAX (one line per parameter set), PARAMETERS and EXAMPLES of a "
                + "command, all generated from the declarations the parameter binder uses.")
@Example(code = "Get-Help Start-BitsTransfer", remarks = "The help of Start-BitsTransfer.")
@Example(code = "Get-Help Start-BitsTransfer -Parameter Priority", remarks = "One parameter's help.")
public class GetHelpCommand extends Command {
    @Parameter(position = 0, help = "The command (name or alias).")
    String name;
    @Parameter(help = "Only this parameter's help.")
    String parameter;
    @Parameter(help = "Only the examples.")
    boolean examples;
    @Parameter(help = "Accepted: the help is always complete.")
    boolean full;
    @Parameter(help = "Accepted: the help is always complete.")
    boolean detailed;

    @Override
    public void process(Object input) {
        if (name == null) {
            writeObject("Get-Help <command> shows a command's help. Commands: "
                    + String.join(", ", context().commands().names()));
            return;
        }
        CommandMetadata m = context().commands().require(name);
        if (parameter != null) {
            writeObject(HelpWriter.parameter(new ParameterBinder(m).parameter(parameter)));
        } else if (examples) {
            StringBuilder b = new StringBuilder();
            m.examples().forEach(e -> b.append("PS> ").append(e.code()).append("\n\n    ").append(e.remarks()).append("\n\n"));
            writeObject(b.toString());
        } else {
            writeObject(HelpWriter.help(m));
        }
    }
}
