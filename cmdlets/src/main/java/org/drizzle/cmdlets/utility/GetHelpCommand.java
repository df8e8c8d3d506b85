package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.HelpView;
import org.drizzle.cmdlets.api.HelpWriter;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ParameterBinder;

/**
 * Get-Help: a command's help, generated from its own declarations (synopsis, syntax, parameters,
 * examples) - for script functions and scripts, from their param() block and comment-based help.
 */
@Cmdlet(verb = "Get", noun = "Help", synopsis = "Displays information about commands.",
        description = "Shows NAME, SYNOPSIS, SYNTAX (one line per parameter set) and DESCRIPTION of a command; "
                + "-Detailed adds PARAMETERS and EXAMPLES, -Full the parameter attributes too. A cmdlet's help is "
                + "generated from the declarations the parameter binder uses, a script function's or script's "
                + "from its param() block and comment-based help.")
@Example(code = "Get-Help Start-BitsTransfer -Full", remarks = "The complete help of Start-BitsTransfer.")
@Example(code = "Get-Help ./fetch.ps1 -Detailed", remarks = "A script's comment-based help, with its parameters and examples.")
@Example(code = "Get-Help Start-BitsTransfer -Parameter Priority", remarks = "One parameter's help.")
public class GetHelpCommand extends Command {
    @Parameter(position = 0, help = "The command (name or alias), or the path of a script file.")
    String name;
    @Parameter(help = "Only this parameter's help.")
    String parameter;
    @Parameter(help = "Only the name, synopsis and examples.")
    boolean examples;
    @Parameter(help = "Everything: parameter attributes, inputs, outputs, notes, examples and related links.")
    boolean full;
    @Parameter(help = "Adds the parameters (with their descriptions) and the examples.")
    boolean detailed;

    @Override
    public void process(Object input) {
        if (name == null) {
            writeObject("Get-Help <command> shows a command's help. Commands: "
                    + String.join(", ", context().commands().names()));
            return;
        }
        CommandMetadata m = context().findCommand(name).orElseGet(() -> context().commands().require(name));
        if (parameter != null) {
            writeObject(HelpWriter.parameter(m, new ParameterBinder(m).parameter(parameter)));
        } else {
            writeObject(HelpWriter.help(m, examples ? HelpView.EXAMPLES : full ? HelpView.FULL
                    : detailed ? HelpView.DETAILED : HelpView.DEFAULT));
        }
    }
}
