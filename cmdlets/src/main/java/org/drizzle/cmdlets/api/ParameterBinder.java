package org.drizzle.cmdlets.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drizzle.cmdlets.lang.Members;

/**
 * Binds a command's arguments to its parameters as PowerShell does. Command-line arguments
 * first ({@link #bind}): named ({@code -Name value}, {@code -Name:value}, unambiguous
 * case-insensitive prefixes and aliases), switches, then positional values by position within
 * the candidate parameter sets, converting each value to the parameter's type. Then, per
 * pipeline object ({@link #bindPipelineInput}): by value without conversion, by property name,
 * then by value with conversion. Finally the parameter set is resolved and mandatory
 * parameters are checked. Every failure is a {@link ParameterBindingException} naming the
 * parameter and the bad value.
 */
public final class ParameterBinder {
    private final CommandMetadata command;
    private final List<ParameterMetadata> names;

    public ParameterBinder(CommandMetadata command) {
        this.command = command;
        this.names = new ArrayList<>(command.parameters());
        for (ParameterMetadata c : CommonParameters.ALL) {
            if (command.supportsShouldProcess() || !CommonParameters.SHOULD_PROCESS.contains(c.name())) {
                names.add(c);
            }
        }
    }

    public CommandMetadata command() {
        return command;
    }

    /**
     * Binds the command-line arguments.
     *
     * @param expectingInput true when a pipeline feeds the command: parameters that can come
     *                       from the pipeline are then not yet required
     */
    public BoundParameters bind(List<Argument> args, boolean expectingInput) {
        Map<ParameterMetadata, Object> values = new LinkedHashMap<>();
        CommonParameters common = CommonParameters.NONE;
        List<Object> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Argument a = args.get(i);
            if (a.isPositional()) {
                positionals.add(a.value());
                continue;
            }
            ParameterMetadata p = resolveName(a.name());
            Object v = a.value();
            if (p.isSwitch()) {
                if (!a.explicit() && v != Argument.NO_VALUE) {
                    positionals.add(v); // the parser paired a value with a switch: it is positional
                    v = Argument.NO_VALUE;
                }
            } else if (v == Argument.NO_VALUE) {
                if (i + 1 < args.size() && args.get(i + 1).isPositional()) {
                    v = args.get(++i).value();
                } else {
                    throw fail("MissingArgument", p.name(), "Missing an argument for parameter '" + p.name()
                            + "'. Specify a parameter of type '" + p.typeName() + "' and try again.");
                }
            }
            if (CommonParameters.ALL.contains(p)) {
                common = common.with(p.name(), convert(p, v));
            } else if (values.containsKey(p)) {
                throw fail("ParameterAlreadyBound", p.name(), "Cannot bind parameter because parameter '" + p.name()
                        + "' is specified more than once. To provide multiple values to parameters that can accept "
                        + "multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".");
            } else {
                values.put(p, convert(p, v));
            }
        }
        List<String> candidates = candidateSets(values);
        if (!positionals.isEmpty()) {
            candidates = bindPositionals(values, positionals, candidates);
        }
        String set = expectingInput && command.takesPipelineInput()
                ? provisionalSet(values, candidates) : resolveSet(values, candidates);
        return new BoundParameters(values, set, common, candidates);
    }

    /**
     * Binds one pipeline object on top of the command-line binding: by value (exact type),
     * by property name, then by value with conversion; then resolves the set and checks
     * mandatory parameters for this object.
     */
    public BoundParameters bindPipelineInput(BoundParameters commandLine, Object input) {
        Map<ParameterMetadata, Object> values = new LinkedHashMap<>(commandLine.values());
        List<String> candidates = commandLine.candidates();
        boolean bound = byValue(values, candidates, input, false);
        bound |= byPropertyName(values, candidates, input);
        if (!bound) {
            bound = byValue(values, candidates, input, true);
        }
        if (!bound && command.takesPipelineInput()) {
            throw new ParameterBindingException(command.name(), "InputObjectNotBound", ErrorCategory.INVALID_ARGUMENT,
                    input, "The input object cannot be bound to any parameters for the command either because the "
                    + "command does not take pipeline input or the input and its properties do not match any of "
                    + "the parameters that take pipeline input.");
        }
        return new BoundParameters(values, resolveSet(values, candidateSets(values)), commandLine.common(), candidates);
    }

    /** The parameter {@code text} names (exact, alias or unique prefix), as the binder would pick it. */
    public ParameterMetadata parameter(String text) {
        return resolveName(text);
    }

    /** Exact name or alias first, then a unique prefix; otherwise an error with a suggestion. */
    ParameterMetadata resolveName(String text) {
        for (ParameterMetadata p : names) {
            if (p.matchesExactly(text)) {
                return p;
            }
        }
        String lower = text.toLowerCase();
        List<ParameterMetadata> matches = names.stream().filter(p -> p.name().toLowerCase().startsWith(lower)
                || p.aliases().stream().anyMatch(a -> a.toLowerCase().startsWith(lower))).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.size() > 1) {
            throw fail("AmbiguousParameter", text, "Parameter cannot be processed because the parameter name '" + text
                    + "' is ambiguous. Possible matches include: "
                    + matches.stream().map(p -> "-" + p.name()).collect(Collectors.joining(" ")) + ".");
        }
        String suggestion = Suggestions.closest(text, names.stream().map(ParameterMetadata::name).toList());
        throw fail("NamedParameterNotFound", text, "A parameter cannot be found that matches parameter name '" + text
                + "'." + (suggestion == null ? "" : " Did you mean -" + suggestion + "?"));
    }

    private Object convert(ParameterMetadata p, Object value) {
        if (value == null && !p.isSwitch() && p.sets().values().stream().anyMatch(ParameterMetadata.SetInfo::mandatory)) {
            throw fail("ParameterArgumentValidationErrorNullNotAllowed", p.name(),
                    "Cannot bind argument to parameter '" + p.name() + "' because it is null.");
        }
        Object converted;
        try {
            converted = ArgumentConverter.convert(p, value);
        } catch (IllegalArgumentException e) {
            throw fail("ParameterArgumentTransformationError", value,
                    "Cannot bind parameter '" + p.name() + "'. " + e.getMessage());
        }
        if (!p.validateSet().isEmpty() && converted != null) {
            for (Object o : ArgumentConverter.elements(converted)) {
                String t = ArgumentConverter.toText(o);
                if (p.validateSet().stream().noneMatch(t::equalsIgnoreCase)) {
                    throw fail("ParameterArgumentValidationError", o, "Cannot validate argument on parameter '"
                            + p.name() + "'. The argument \"" + t + "\" does not belong to the set \""
                            + String.join(",", p.validateSet()) + "\" specified by the ValidateSet attribute. "
                            + "Supply an argument that is in the set and then try the command again.");
                }
            }
        }
        return converted;
    }

    /** The parameter sets every bound parameter belongs to. */
    private List<String> candidateSets(Map<ParameterMetadata, Object> values) {
        List<String> sets = new ArrayList<>(command.parameterSets());
        for (ParameterMetadata p : values.keySet()) {
            if (!p.inAllSets()) {
                sets.retainAll(p.sets().keySet());
            }
        }
        if (sets.isEmpty()) {
            throw ambiguous();
        }
        return sets;
    }

    /** Positional values go, in order, to the unbound positional parameters of the first set that takes them all. */
    private List<String> bindPositionals(Map<ParameterMetadata, Object> values, List<Object> positionals,
                                         List<String> candidates) {
        Map<ParameterMetadata, Object> chosen = null;
        List<String> fitting = new ArrayList<>();
        for (String set : candidates) {
            Map<ParameterMetadata, Object> assignment = assignPositionals(set, values, positionals);
            if (assignment == null) {
                continue;
            }
            if (chosen == null) {
                chosen = assignment;
            }
            if (assignment.keySet().equals(chosen.keySet())) {
                fitting.add(set);
            }
        }
        if (chosen == null) {
            int free = assignableCount(candidates.get(0), values);
            Object extra = positionals.get(Math.min(free, positionals.size() - 1));
            throw fail("PositionalParameterNotFound", extra, "A positional parameter cannot be found that accepts "
                    + "argument '" + ArgumentConverter.toText(extra) + "'.");
        }
        chosen.forEach((p, v) -> values.put(p, convert(p, v)));
        return fitting;
    }

    private Map<ParameterMetadata, Object> assignPositionals(String set, Map<ParameterMetadata, Object> values,
                                                             List<Object> positionals) {
        List<ParameterMetadata> slots = positionalSlots(set, values);
        Map<ParameterMetadata, Object> out = new LinkedHashMap<>();
        int i = 0;
        for (ParameterMetadata p : slots) {
            if (i >= positionals.size()) {
                break;
            }
            out.put(p, positionals.get(i++));
        }
        if (i < positionals.size()) {
            ParameterMetadata rest = command.parametersIn(set).stream()
                    .filter(p -> p.takesRemainingArguments() && !values.containsKey(p)).findFirst().orElse(null);
            if (rest == null) {
                return null;
            }
            List<Object> remaining = new ArrayList<>(positionals.subList(i, positionals.size()));
            Object already = out.get(rest);
            if (already != null) {
                remaining.add(0, already);
            }
            out.put(rest, remaining);
        }
        return out;
    }

    private List<ParameterMetadata> positionalSlots(String set, Map<ParameterMetadata, Object> values) {
        return command.parametersIn(set).stream()
                .filter(p -> p.in(set).position() >= 0 && !p.isSwitch() && !values.containsKey(p))
                .sorted((a, b) -> Integer.compare(a.in(set).position(), b.in(set).position())).toList();
    }

    private int assignableCount(String set, Map<ParameterMetadata, Object> values) {
        return positionalSlots(set, values).size();
    }

    private boolean byValue(Map<ParameterMetadata, Object> values, List<String> candidates, Object input,
                            boolean withConversion) {
        for (String set : candidates) {
            for (ParameterMetadata p : command.parametersIn(set)) {
                if (!p.in(set).valueFromPipeline() || values.containsKey(p)) {
                    continue;
                }
                if (!withConversion && !acceptsAsIs(p, input)) {
                    continue;
                }
                try {
                    values.put(p, convert(p, input));
                    return true;
                } catch (ParameterBindingException e) {
                    if (withConversion) {
                        throw e;
                    }
                }
            }
        }
        return false;
    }

    private static boolean acceptsAsIs(ParameterMetadata p, Object input) {
        Class<?> t = p.isCollection() ? p.elementType() : p.type();
        return t == null || t == Object.class || (input != null && t.isInstance(input));
    }

    private boolean byPropertyName(Map<ParameterMetadata, Object> values, List<String> candidates, Object input) {
        if (input == null || Members.isScalar(input)) {
            return false;
        }
        boolean bound = false;
        for (ParameterMetadata p : command.parameters()) {
            if (values.containsKey(p) || candidates.stream().noneMatch(s -> p.isInSet(s)
                    && p.in(s).valueFromPipelineByPropertyName())) {
                continue;
            }
            String property = propertyFor(p, input);
            if (property != null) {
                values.put(p, convert(p, Members.getProperty(input, property)));
                bound = true;
            }
        }
        return bound;
    }

    private static String propertyFor(ParameterMetadata p, Object input) {
        if (Members.hasProperty(input, p.name())) {
            return p.name();
        }
        return p.aliases().stream().filter(a -> Members.hasProperty(input, a)).findFirst().orElse(null);
    }

    /** With pipeline input still to come, only parameters the pipeline cannot supply must be bound now. */
    private String provisionalSet(Map<ParameterMetadata, Object> values, List<String> candidates) {
        List<String> viable = candidates.stream().filter(s -> missing(s, values, true).isEmpty()).toList();
        if (viable.isEmpty()) {
            throw missingMandatory(missing(preferred(candidates), values, true));
        }
        return viable.contains(command.defaultParameterSet()) ? command.defaultParameterSet() : viable.get(0);
    }

    private String resolveSet(Map<ParameterMetadata, Object> values, List<String> candidates) {
        if (candidates.size() == 1) {
            List<String> missing = missing(candidates.get(0), values, false);
            if (!missing.isEmpty()) {
                throw missingMandatory(missing);
            }
            return candidates.get(0);
        }
        List<String> satisfied = candidates.stream().filter(s -> missing(s, values, false).isEmpty()).toList();
        if (satisfied.contains(command.defaultParameterSet())) {
            return command.defaultParameterSet();
        }
        if (satisfied.size() == 1) {
            return satisfied.get(0);
        }
        if (satisfied.isEmpty()) {
            throw missingMandatory(missing(preferred(candidates), values, false));
        }
        throw ambiguous();
    }

    private String preferred(List<String> candidates) {
        return candidates.contains(command.defaultParameterSet()) ? command.defaultParameterSet() : candidates.get(0);
    }

    private List<String> missing(String set, Map<ParameterMetadata, Object> values, boolean pipelineMaySupply) {
        return command.parametersIn(set).stream()
                .filter(p -> p.in(set).mandatory() && !values.containsKey(p))
                .filter(p -> !(pipelineMaySupply && (p.in(set).valueFromPipeline()
                        || p.in(set).valueFromPipelineByPropertyName())))
                .map(ParameterMetadata::name).toList();
    }

    private ParameterBindingException missingMandatory(List<String> missing) {
        return fail("MissingMandatoryParameter", String.join(", ", missing),
                "Cannot process command because of one or more missing mandatory parameters: "
                        + String.join(" ", missing) + ".");
    }

    private ParameterBindingException ambiguous() {
        return fail("AmbiguousParameterSet", null, "Parameter set cannot be resolved using the specified named "
                + "parameters. One or more parameters issued cannot be used together or an insufficient number "
                + "of parameters were provided.");
    }

    private ParameterBindingException fail(String id, Object target, String message) {
        return new ParameterBindingException(command.name(), id, target, message);
    }
}
