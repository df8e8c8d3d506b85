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
import org.drizzle.cmdlets.lang.PSCustomObject;
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
    @Parameter(aliases = "Type", help = "Only commands of these types: Cmdlet, Function, Alias, Application (programs "
            + "on PATH), All; ExternalScript, Script, Filter and Configuration find nothing among Drizzle's commands.")
    String[] commandType;
    @Parameter(help = "Output at most this many commands.")
    int totalCount = -1;
    @Parameter(help = "Only commands with a parameter (or parameter alias) matching these wildcards.")
    String[] parameterName;
    @Parameter(help = "Only commands with a parameter of one of these types (String, System.String, PSCredential, ...).")
    String[] parameterType;
    @Parameter(aliases = "PSSnapin", help = "Only commands of these modules (wildcards): BitsTransfer, "
            + "Microsoft.PowerShell.Core, .Management, .Utility, .Security, .Archive or .Host.")
    String[] module;
    @Parameter(help = "Only commands of these modules, each a name or a hashtable with ModuleName and, optionally, "
            + "ModuleVersion (minimum), RequiredVersion or MaximumVersion (Drizzle's modules are version 1.0).")
    Object[] fullyQualifiedModule;
    @Parameter(help = "Every command of the name, of every type (an alias, a cmdlet and a program on PATH alike); "
            + "without it a name finds Drizzle's cmdlets and functions.")
    boolean all;
    @Parameter(help = "Only commands of the current session; every Drizzle module is always imported, so these are "
            + "all of Drizzle's commands.")
    boolean listImported;
    @Parameter(help = "Names within -FuzzyMinimumDistance edits (Levenshtein distance, ignoring case) of -Name, "
            + "closest first.")
    boolean useFuzzyMatching;
    @Parameter(help = "With -UseFuzzyMatching, the largest distance that still matches (default 5).")
    int fuzzyMinimumDistance = 5;
    @Parameter(help = "-Name is an abbreviation: the capitals of each part of the name, dash kept (s-bt finds "
            + "Set-, Start- and Suspend-BitsTransfer), wildcards allowed.")
    boolean useAbbreviationExpansion;
    @Parameter(help = "Outputs what Show-Command needs: Name, ModuleName, Module, CommandType, Definition, ParameterSets.")
    boolean showCommandInfo;

    private static final List<String> TYPES = List.of("alias", "function", "filter", "cmdlet", "externalscript",
            "application", "script", "configuration", "all");
    /** The types asked for; without -CommandType, Drizzle's cmdlets and functions (an alias name finds its command). */
    private final java.util.Set<String> types = new java.util.HashSet<>(List.of("cmdlet", "function"));
    private int written;
    private ModuleFilter modules;

    @Override
    public void begin() {
        if (fuzzyMinimumDistance < 0) {
            throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot bind parameter "
                    + "'FuzzyMinimumDistance'. Cannot convert value \"" + fuzzyMinimumDistance + "\" to type "
                    + "\"System.UInt32\". Error: \"Value was either too large or too small for a UInt32.\""),
                    "CannotConvertArgumentNoMessage", ErrorCategory.INVALID_ARGUMENT, fuzzyMinimumDistance));
        }
        modules = ModuleFilter.of(module, fullyQualifiedModule);
        if (commandType == null) {
            if (all) {
                types.addAll(TYPES);
            }
            return;
        }
        types.clear();
        for (String t : commandType) {
            for (String one : t.split(",")) {
                String k = one.trim().toLowerCase(java.util.Locale.ROOT);
                if (!TYPES.contains(k)) {
                    throw throwTerminating(new ErrorRecord(new IllegalArgumentException("Cannot bind parameter "
                            + "'CommandType'. Cannot convert value \"" + one.trim() + "\" to type "
                            + "\"System.Management.Automation.CommandTypes\". Error: \"Unable to match the identifier name "
                            + one.trim() + " to a valid enumerator name. Specify one of the following enumerator names and "
                            + "try again: Alias, Function, Filter, Cmdlet, ExternalScript, Application, Script, "
                            + "Configuration, All\""), "CannotConvertArgumentNoMessage", ErrorCategory.INVALID_ARGUMENT, one));
                }
                types.add(k);
            }
        }
        if (types.contains("all")) {
            types.addAll(TYPES);
        }
    }

    @Override
    public void process(Object input) {
        CommandRegistry r = context().commands();
        for (String n : name == null ? new String[] {"*"} : name) {
            WildcardPattern p = WildcardPattern.of(n);
            java.util.function.Predicate<String> named = useFuzzyMatching ? x -> NameMatching.distance(n, x) <= fuzzyMinimumDistance
                    : useAbbreviationExpansion ? x -> WildcardPattern.of(n).matches(NameMatching.abbreviation(x))
                    : p::matches;
            List<CommandMetadata> found = r.commands().stream().filter(m -> named.test(m.name()))
                    .filter(m -> modules.accepts(CommandModules.of(m)))
                    .filter(m -> types.contains(m.commandClass() == null ? "function" : "cmdlet"))
                    .filter(this::hasWantedParameters)
                    .filter(m -> verb == null || WildcardPattern.of(verb).matches(m.verb()))
                    .filter(m -> noun == null || WildcardPattern.of(noun).matches(m.noun())).toList();
            if (useFuzzyMatching) {
                found = found.stream().sorted(java.util.Comparator.comparingInt(m -> NameMatching.distance(n, m.name())))
                        .toList();
            }
            boolean exact = !useFuzzyMatching && !useAbbreviationExpansion;
            if (found.isEmpty() && exact && !WildcardPattern.containsWildcard(n) && commandType == null && !modules.any()) {
                found = r.find(n).map(List::of).orElse(List.of());
            }
            List<Object> others = new java.util.ArrayList<>();
            if (verb == null && noun == null && parameterName == null && parameterType == null && !modules.any()) {
                if (types.contains("alias")) {
                    new java.util.TreeMap<>(r.aliases()).forEach((alias, target) -> {
                        if (named.test(alias)) {
                            others.add(aliasInfo(alias, target));
                        }
                    });
                }
                if (types.contains("application") && exact) {
                    others.addAll(applications(p));
                }
            }
            if (found.isEmpty() && others.isEmpty() && exact && !WildcardPattern.containsWildcard(n) && !modules.any()) {
                writeError(new ErrorRecord(new IllegalArgumentException("The term '" + n + "' is not recognized as a "
                        + "name of a cmdlet, function, script file, or executable program."), "CommandNotFoundException",
                        ErrorCategory.OBJECT_NOT_FOUND, n));
            }
            for (CommandMetadata m : found) {
                if (syntax) {
                    HelpWriter.syntax(m).forEach(this::writeObject);
                } else if (showCommandInfo) {
                    emit(showInfo(m));
                } else {
                    emit(new CommandInfo(m));
                }
            }
            others.forEach(this::emit);
        }
    }

    /** Writes one result while -TotalCount allows. */
    private void emit(Object info) {
        if (totalCount < 0 || written < totalCount) {
            written++;
            writeObject(info);
        }
    }

    private boolean hasWantedParameters(CommandMetadata m) {
        if (parameterName != null && java.util.Arrays.stream(parameterName).map(WildcardPattern::of)
                .noneMatch(w -> m.parameters().stream().anyMatch(pm -> w.matches(pm.name())
                        || pm.aliases().stream().anyMatch(w::matches)))) {
            return false;
        }
        return parameterType == null || java.util.Arrays.stream(parameterType).anyMatch(t -> m.parameters().stream()
                .anyMatch(pm -> typeMatches(pm.type(), t)));
    }

    /** "String", "System.String", "string[]", "PSCredential": the parameter type's .NET name, with or without namespace. */
    private static boolean typeMatches(Class<?> type, String wanted) {
        String full = org.drizzle.cmdlets.api.TypeNames.of(type);
        String w = wanted.trim();
        if (w.startsWith("[") && w.endsWith("]") && !w.endsWith("[]")) {
            w = w.substring(1, w.length() - 1);
        }
        String shortName = full.substring(full.lastIndexOf('.') + 1);
        return full.equalsIgnoreCase(w) || shortName.equalsIgnoreCase(w) || ("System." + w).equalsIgnoreCase(full);
    }

    /** -ShowCommandInfo: the ShowCommandCommandInfo object Show-Command is built from. */
    private static PSCustomObject showInfo(CommandMetadata m) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("Name", m.name());
        o.setProperty("ModuleName", CommandModules.of(m));
        o.setProperty("Module", CommandModules.of(m).isEmpty() ? null : CommandModules.of(m));
        o.setProperty("CommandType", m.commandClass() == null ? "Function" : "Cmdlet");
        o.setProperty("Definition", String.join("\n", HelpWriter.syntax(m)));
        o.setProperty("ParameterSets", HelpWriter.syntax(m));
        return o;
    }

    private static PSCustomObject aliasInfo(String alias, String target) {
        PSCustomObject o = new PSCustomObject();
        o.setProperty("CommandType", "Alias");
        o.setProperty("Name", alias);
        o.setProperty("DisplayName", alias + " -> " + target);
        o.setProperty("Definition", target);
        o.setProperty("ResolvedCommandName", target);
        o.setProperty("Source", "");
        return o;
    }

    /** -CommandType Application: the executable files on PATH whose names match, in PATH order. */
    private static List<Object> applications(WildcardPattern p) {
        List<Object> out = new java.util.ArrayList<>();
        String path = System.getenv("PATH");
        if (path == null) {
            return out;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            java.io.File[] files = dir.isEmpty() ? null : new java.io.File(dir).listFiles();
            if (files == null) {
                continue;
            }
            java.util.Arrays.sort(files);
            for (java.io.File f : files) {
                if (f.isFile() && f.canExecute() && p.matches(f.getName())) {
                    PSCustomObject o = new PSCustomObject();
                    o.setProperty("CommandType", "Application");
                    o.setProperty("Name", f.getName());
                    o.setProperty("Version", "0.0.0.0");
                    o.setProperty("Source", f.getAbsolutePath());
                    o.setProperty("Path", f.getAbsolutePath());
                    o.setProperty("Definition", f.getAbsolutePath());
                    out.add(o);
                }
            }
        }
        return out;
    }

    /** What Get-Command returns for one command. */
    public static final class CommandInfo implements PropertyBag, DefaultView {
        private static final List<String> NAMES = List.of("CommandType", "Name", "Version", "Source", "ModuleName", "Verb", "Noun",
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
                case "source", "modulename" -> CommandModules.of(m);
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
