package org.drizzle.cmdlets.utility;

import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.HelpView;
import org.drizzle.cmdlets.api.HelpWriter;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ParameterBinder;
import org.drizzle.cmdlets.lang.WildcardPattern;
import java.util.List;

/**
 * Get-Help: a command's help, generated from its own declarations (synopsis, syntax, parameters,
 * examples) - for script functions and scripts, from their param() block and comment-based help.
 */
@Cmdlet(verb = "Get", noun = "Help", synopsis = "Displays information about commands.",
        description = "Shows NAME, SYNOPSIS, SYNTAX (one line per parameter set) and DESCRIPTION of a command; "
                + "-Detailed adds PARAMETERS and EXAMPLES, -Full the parameter attributes too. A cmdlet's help is "
                + "generated from the declarations the parameter binder uses, a script function's or script's "
                + "from its param() block and comment-based help. A wildcard name, -Category, -Component, "
                + "-Functionality or -Role lists the matching help (Name, Category, Module, Synopsis); when a plain name "
                + "matches one command its help is shown.")
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
    @Parameter(validateSet = {"Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary", "HelpFile", "ScriptCommand",
            "Function", "Filter", "ExternalScript", "All", "DefaultHelp", "DscResource", "Class", "Configuration"},
            help = "Only help of these categories: Cmdlet, Function and Alias are Drizzle's (All: every one); "
                    + "the other categories have no help in Drizzle.")
    String[] category;
    @Parameter(help = "Only commands whose help has a matching .COMPONENT (wildcards); Drizzle's cmdlets declare none.")
    String[] component;
    @Parameter(help = "Only commands whose help has a matching .FUNCTIONALITY (wildcards); Drizzle's cmdlets declare none.")
    String[] functionality;
    @Parameter(help = "Only commands whose help has a matching .ROLE (wildcards); Drizzle's cmdlets declare none.")
    String[] role;

    @Override
    public void process(Object input) {
        boolean filtered = category != null || component != null || functionality != null || role != null;
        if (filtered || name != null && WildcardPattern.containsWildcard(name)) {
            List<HelpTopics.Topic> topics = HelpTopics.find(context().commands(), name == null ? "*" : name,
                    category, component, functionality, role);
            if (topics.size() == 1 && name != null && !WildcardPattern.containsWildcard(name)) {
                show(topics.get(0).command());
            } else if (topics.isEmpty() && name != null && !WildcardPattern.containsWildcard(name)) {
                writeError(new ErrorRecord(new IllegalArgumentException("Get-Help could not find " + name
                        + " in a help file in this session."), "HelpNotFound", ErrorCategory.RESOURCE_UNAVAILABLE, name));
            } else {
                topics.forEach(t -> writeObject(t.summary()));
            }
            return;
        }
        if (name == null) {
            writeObject("Get-Help <command> shows a command's help. Commands: "
                    + String.join(", ", context().commands().names()));
            return;
        }
        show(context().findCommand(name).orElseGet(() -> context().commands().require(name)));
    }

    private void show(CommandMetadata m) {
        if (parameter != null) {
            writeObject(HelpWriter.parameter(m, new ParameterBinder(m).parameter(parameter)));
        } else {
            writeObject(HelpWriter.help(m, examples ? HelpView.EXAMPLES : full ? HelpView.FULL
                    : detailed ? HelpView.DETAILED : HelpView.DEFAULT));
        }
    }
}
