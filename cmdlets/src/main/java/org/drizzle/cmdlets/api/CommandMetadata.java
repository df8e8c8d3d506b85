package org.drizzle.cmdlets.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A command's declaration reflected once (picocli's CommandSpec): name, parameter sets,
 * parameters, help text and a factory for fresh instances. The binder, Get-Help, Get-Command,
 * completion and the generated docs all read this model, so they cannot disagree.
 */
public final class CommandMetadata {
    /** A Get-Help example. */
    public record ExampleInfo(String code, String remarks) {
    }

    /**
     * The help sections only comment-based help carries (.INPUTS, .OUTPUTS, .NOTES, .LINK, and the
     * .COMPONENT, .ROLE and .FUNCTIONALITY that Get-Help filters on); empty for cmdlets, whose help
     * comes from their annotations.
     */
    public record HelpSections(List<String> inputs, List<String> outputs, String notes, List<String> links,
                               String component, String role, String functionality) {
        public static final HelpSections NONE = new HelpSections(List.of(), List.of(), "", List.of());

        public HelpSections {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            notes = notes == null ? "" : notes;
            links = List.copyOf(links);
            component = component == null ? "" : component;
            role = role == null ? "" : role;
            functionality = functionality == null ? "" : functionality;
        }

        public HelpSections(List<String> inputs, List<String> outputs, String notes, List<String> links) {
            this(inputs, outputs, notes, links, "", "", "");
        }
    }

    private static final ClassValue<CommandMetadata> CACHE = new ClassValue<>() {
        @Override
        protected CommandMetadata computeValue(Class<?> type) {
            return reflect(type.asSubclass(Command.class));
        }
    };

    private final String name;
    private final String verb;
    private final String noun;
    private final Class<? extends Command> commandClass;
    private final Supplier<Command> factory;
    private final List<ParameterMetadata> parameters;
    private final List<String> parameterSets;
    private final String defaultParameterSet;
    private final boolean supportsShouldProcess;
    private final String synopsis;
    private final String description;
    private final List<ExampleInfo> examples;
    private final boolean commonParameters;
    private final HelpSections helpSections;

    private CommandMetadata(String name, String verb, String noun, Class<? extends Command> commandClass,
                            Supplier<Command> factory, List<ParameterMetadata> parameters, String defaultSet,
                            boolean supportsShouldProcess, String synopsis, String description,
                            List<ExampleInfo> examples, boolean commonParameters, HelpSections helpSections) {
        this.name = name;
        this.verb = verb;
        this.noun = noun;
        this.commandClass = commandClass;
        this.factory = factory;
        this.parameters = List.copyOf(parameters);
        Set<String> sets = new LinkedHashSet<>();
        if (defaultSet != null && !defaultSet.isEmpty()) {
            sets.add(defaultSet);
        }
        for (ParameterMetadata p : parameters) {
            p.sets().keySet().stream().filter(s -> !s.equals(ParameterMetadata.ALL_SETS)).forEach(sets::add);
        }
        if (sets.isEmpty()) {
            sets.add(ParameterMetadata.ALL_SETS);
        }
        this.parameterSets = List.copyOf(sets);
        this.defaultParameterSet = defaultSet == null || defaultSet.isEmpty() ? parameterSets.get(0) : defaultSet;
        this.supportsShouldProcess = supportsShouldProcess;
        this.synopsis = synopsis == null ? "" : synopsis;
        this.description = description == null ? "" : description;
        this.examples = List.copyOf(examples);
        this.commonParameters = commonParameters;
        this.helpSections = helpSections;
    }

    /** The metadata of an {@code @Cmdlet} class, reflected once and cached. */
    public static CommandMetadata of(Class<? extends Command> type) {
        return CACHE.get(type);
    }

    private static CommandMetadata reflect(Class<? extends Command> type) {
        Cmdlet c = type.getAnnotation(Cmdlet.class);
        if (c == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Cmdlet annotation");
        }
        List<ParameterMetadata> params = new ArrayList<>();
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> k = type; k != null && k != Command.class; k = k.getSuperclass()) {
            hierarchy.add(0, k);
        }
        for (Class<?> k : hierarchy) {
            for (Field f : k.getDeclaredFields()) {
                Parameter[] ann = f.getAnnotationsByType(Parameter.class);
                if (ann.length > 0) {
                    params.add(ParameterMetadata.fromField(f, ann));
                }
            }
        }
        List<ExampleInfo> examples = new ArrayList<>();
        for (Example e : type.getAnnotationsByType(Example.class)) {
            examples.add(new ExampleInfo(e.code(), e.remarks()));
        }
        Constructor<? extends Command> ctor;
        try {
            ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-argument constructor", e);
        }
        Supplier<Command> factory = () -> {
            try {
                return ctor.newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e);
            }
        };
        return new CommandMetadata(c.verb() + "-" + c.noun(), c.verb(), c.noun(), type, factory, params,
                c.defaultParameterSet(), c.supportsShouldProcess(), c.synopsis(), c.description(), examples, true,
                HelpSections.NONE);
    }

    /**
     * Metadata for a script function (the host builds it from {@code param()} and comment-based
     * help); {@code factory} may be null when the host runs the function itself.
     */
    public static CommandMetadata forFunction(String name, List<ParameterMetadata> parameters, String defaultSet,
                                              boolean supportsShouldProcess, String synopsis, String description,
                                              List<ExampleInfo> examples, Supplier<Command> factory) {
        return forFunction(name, parameters, defaultSet, supportsShouldProcess, true, synopsis, description, examples,
                HelpSections.NONE, factory);
    }

    /**
     * As above, for a function or script with the sections of its comment-based help, or with
     * null {@code sections} when it has no help block (Get-Help then generates syntax-only help);
     * {@code commonParameters} is false for a simple function (no [CmdletBinding()] or [Parameter()]),
     * whose syntax then shows no {@code [<CommonParameters>]}.
     */
    public static CommandMetadata forFunction(String name, List<ParameterMetadata> parameters, String defaultSet,
                                              boolean supportsShouldProcess, boolean commonParameters, String synopsis,
                                              String description, List<ExampleInfo> examples, HelpSections sections,
                                              Supplier<Command> factory) {
        int dash = name.indexOf('-');
        return new CommandMetadata(name, dash > 0 ? name.substring(0, dash) : "", dash > 0 ? name.substring(dash + 1) : name,
                null, factory, parameters, defaultSet, supportsShouldProcess, synopsis, description,
                examples == null ? List.of() : examples, commonParameters, sections);
    }

    public String name() {
        return name;
    }

    public String verb() {
        return verb;
    }

    public String noun() {
        return noun;
    }

    /** The implementing class, or null for a script function. */
    public Class<? extends Command> commandClass() {
        return commandClass;
    }

    /** A fresh instance for one invocation. */
    public Command newInstance() {
        if (factory == null) {
            throw new IllegalStateException(name + " is run by the host, not instantiated");
        }
        return factory.get();
    }

    /** The declared parameters, in declaration order (common parameters not included). */
    public List<ParameterMetadata> parameters() {
        return parameters;
    }

    public Optional<ParameterMetadata> parameter(String exactName) {
        return parameters.stream().filter(p -> p.matchesExactly(exactName)).findFirst();
    }

    /** The named parameter sets, default first ({@link ParameterMetadata#ALL_SETS} when none are named). */
    public List<String> parameterSets() {
        return parameterSets;
    }

    public String defaultParameterSet() {
        return defaultParameterSet;
    }

    public boolean supportsShouldProcess() {
        return supportsShouldProcess;
    }

    /** The parameters usable in {@code set}, in declaration order. */
    public List<ParameterMetadata> parametersIn(String set) {
        return parameters.stream().filter(p -> p.isInSet(set)).toList();
    }

    /** Whether any parameter takes pipeline input (by value or by property name). */
    public boolean takesPipelineInput() {
        return parameters.stream().flatMap(p -> p.sets().values().stream())
                .anyMatch(s -> s.valueFromPipeline() || s.valueFromPipelineByPropertyName());
    }

    public String synopsis() {
        return synopsis;
    }

    public String description() {
        return description;
    }

    public List<ExampleInfo> examples() {
        return examples;
    }

    /** Whether the command takes the common parameters (cmdlets and advanced functions do). */
    public boolean takesCommonParameters() {
        return commonParameters;
    }

    /** .INPUTS, .OUTPUTS, .NOTES and .LINK of comment-based help ({@link HelpSections#NONE} for cmdlets). */
    public HelpSections helpSections() {
        return helpSections == null ? HelpSections.NONE : helpSections;
    }

    /** Whether the command has written help: cmdlets do; a function or script only with a help comment block. */
    public boolean hasHelp() {
        return helpSections != null;
    }

    /** Whether this is a script function or script (whose help numbers positions from 1, as PowerShell's does). */
    public boolean isScriptCommand() {
        return commandClass == null;
    }

    @Override
    public String toString() {
        return name;
    }
}
