package org.drizzle.cmdlets.utility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drizzle.cmdlets.api.Cmdlet;
import org.drizzle.cmdlets.api.Command;
import org.drizzle.cmdlets.api.CommandMetadata;
import org.drizzle.cmdlets.api.CommandRegistry;
import org.drizzle.cmdlets.api.ErrorCategory;
import org.drizzle.cmdlets.api.ErrorRecord;
import org.drizzle.cmdlets.api.Example;
import org.drizzle.cmdlets.api.HelpWriter;
import org.drizzle.cmdlets.api.Parameter;
import org.drizzle.cmdlets.api.ParameterMetadata;
import org.drizzle.cmdlets.format.DefaultView;
import org.drizzle.cmdlets.lang.PropertyBag;
import org.drizzle.cmdlets.lang.WildcardPattern;

/** Get-Command: the session's commands (by name, wildcard, verb or noun) as CommandInfo objects. */
@Cmdlet(verb = "Get", noun = "Command", synopsis = "Gets all commands.",
        description = "Lists commands; each result has Name, CommandType, Source and Parameters (by name).")
@Example(code = "Get-Command *-BitsTransfer", remarks = "The BitsTransfer cmdlets.")
@Example(code = "(Get-Command Start-BitsTransfer).Parameters['Dynamic']", remarks = "Checks a parameter exists.")
public class GetCommandCommand extends Command {
    @Parameter(position = 0, help = "Names or wildcards.")
    String[] name;
    @Parameter(help = "Only commands with this verb.")
    String verb;
    @Parameter(help = "Only commands with this noun.")
    String noun;
    @Parameter(help = "Output the syntax lines instead.")
    boolean syntax;

    @Override
    public void process(Object input) {
        CommandRegistry r = context().commands();
        for (String n : name == null ? new String[] {"*"} : name) {
            WildcardPattern p = WildcardPattern.of(n);
            List<CommandMetadata> found = r.commands().stream().filter(m -> p.matches(m.name()))
                    .filter(m -> verb == null || WildcardPattern.of(verb).matches(m.verb()))
                    .filter(m -> noun == null || WildcardPattern.of(noun).matches(m.noun())).toList();
            if (found.isEmpty() && !WildcardPattern.containsWildcard(n)) {
                found = r.find(n).map(List::of).orElse(List.of());
            }
            if (found.isEmpty() && !WildcardPattern.containsWildcard(n)) {
                writeError(new ErrorRecord(new IllegalArgumentException("The term '" + n + "' is not recognized as a "
                        + "name of a cmdlet, function, script file, or executable program."), "CommandNotFoundException",
                        ErrorCategory.OBJECT_NOT_FOUND, n));
            }
            for (CommandMetadata m : found) {
                if (syntax) {
                    HelpWriter.syntax(m).forEach(this::writeObject);
                } else {
                    writeObject(new CommandInfo(m));
                }
            }
        }
    }

    /** What Get-Command returns for one command. */
    public static final class CommandInfo implements PropertyBag, DefaultView {
        private static final List<String> NAMES = List.of("CommandType", "Name", "Version", "Source", "Verb", "Noun",
                "Parameters", "ParameterSets");
        private final CommandMetadata m;

        CommandInfo(CommandMetadata m) {
            this.m = m;
        }

        @Override
        public List<String> propertyNames() {
            return NAMES;
        }

        @Override
        public List<String> defaultProperties() {
            return List.of("CommandType", "Name", "Version", "Source");
        }

        @Override
        public boolean hasProperty(String n) {
            return NAMES.stream().anyMatch(x -> x.equalsIgnoreCase(n));
        }

        @Override
        public Object getProperty(String n) {
            return switch (n.toLowerCase()) {
                case "commandtype" -> m.commandClass() == null ? "Function" : "Cmdlet";
                case "name" -> m.name();
                case "version" -> m.commandClass() == null ? "" : "1.0";
                case "source" -> m.commandClass() == null ? "" : m.noun().startsWith("Bits") ? "BitsTransfer" : "Drizzle";
                case "verb" -> m.verb();
                case "noun" -> m.noun();
                case "parameters" -> parameters();
                case "parametersets" -> HelpWriter.syntax(m);
                default -> null;
            };
        }

        private Map<String, Object> parameters() {
            Map<String, Object> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Map<String, ParameterMetadata> ordered = new LinkedHashMap<>();
            m.parameters().forEach(p -> ordered.put(p.name(), p));
            out.putAll(ordered);
            return out;
        }

        @Override
        public String toString() {
            return m.name();
        }
    }
}
