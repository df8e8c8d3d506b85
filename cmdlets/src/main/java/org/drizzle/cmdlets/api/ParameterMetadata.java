package org.drizzle.cmdlets.api;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parameter of a command as the binder, Get-Help and completion see it: reflected once
 * from a {@link Parameter}-annotated field, or built by the host from a script function's
 * {@code param()} block with {@link #builder(String)}.
 */
public final class ParameterMetadata {
    /** The set name meaning "every parameter set" (PowerShell's __AllParameterSets). */
    public static final String ALL_SETS = "__AllParameterSets";

    /** How the parameter takes part in one parameter set. */
    public record SetInfo(int position, boolean mandatory, boolean valueFromPipeline,
                          boolean valueFromPipelineByPropertyName) {
    }

    private final String name;
    private final Class<?> type;
    private final Class<?> elementType;
    private final List<String> aliases;
    private final Map<String, SetInfo> sets;
    private final String help;
    private final List<String> validateSet;
    private final boolean isSwitch;
    private final boolean remainingArguments;
    private final Field field;
    private final String defaultValue;
    private final boolean hidden;

    private ParameterMetadata(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.elementType = b.elementType;
        this.aliases = List.copyOf(b.aliases);
        this.sets = Collections.unmodifiableMap(new LinkedHashMap<>(b.sets.isEmpty()
                ? Map.of(ALL_SETS, new SetInfo(-1, false, false, false)) : b.sets));
        this.help = b.help;
        this.validateSet = List.copyOf(b.validateSet);
        this.isSwitch = b.type == boolean.class || b.type == Boolean.class;
        this.remainingArguments = b.remainingArguments;
        this.field = b.field;
        this.defaultValue = b.defaultValue;
        this.hidden = b.hidden;
    }

    /** Reflects a {@code @Parameter} field (possibly repeated, one per parameter set). */
    static ParameterMetadata fromField(Field f, Parameter[] annotations) {
        String declared = annotations[0].name();
        Builder b = builder(declared.isEmpty()
                ? Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1) : declared);
        b.type(f.getType());
        if (List.class.isAssignableFrom(f.getType())) {
            b.elementType(TypeNames.listElement(f));
        }
        for (Parameter p : annotations) {
            b.aliases(p.aliases());
            if (!p.help().isEmpty()) {
                b.help(p.help());
            }
            b.remainingArguments |= p.valueFromRemainingArguments();
            if (p.validateSet().length > 0) {
                b.validateSet(p.validateSet());
            }
            b.inSet(p.parameterSet().isEmpty() ? ALL_SETS : p.parameterSet(),
                    new SetInfo(p.position(), p.mandatory(), p.valueFromPipeline(), p.valueFromPipelineByPropertyName()));
        }
        f.setAccessible(true);
        b.field = f;
        return b.build();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The declared Java type (String[], List, int, boolean for switches, an enum, Object...). */
    public Class<?> type() {
        return type;
    }

    /** Element type of an array or List parameter, else null. */
    public Class<?> elementType() {
        return type.isArray() ? type.getComponentType() : elementType;
    }

    public boolean isCollection() {
        return type.isArray() || List.class.isAssignableFrom(type);
    }

    public List<String> aliases() {
        return aliases;
    }

    /** Set name to how the parameter takes part in it; {@link #ALL_SETS} for every set. */
    public Map<String, SetInfo> sets() {
        return sets;
    }

    public boolean inAllSets() {
        return sets.containsKey(ALL_SETS);
    }

    public boolean isInSet(String set) {
        return sets.containsKey(ALL_SETS) || sets.containsKey(set);
    }

    /** The parameter's role in {@code set} (the every-set entry when declared for all sets), or null. */
    public SetInfo in(String set) {
        SetInfo s = sets.get(set);
        return s != null ? s : sets.get(ALL_SETS);
    }

    public String help() {
        return help;
    }

    public List<String> validateSet() {
        return validateSet;
    }

    public boolean isSwitch() {
        return isSwitch;
    }

    /** Whether leftover positional values are collected here (ValueFromRemainingArguments). */
    public boolean takesRemainingArguments() {
        return remainingArguments;
    }

    /** The annotated field, or null for a script function's parameter. */
    public Field field() {
        return field;
    }

    /** The default value as written in a script's {@code param()} (for help), or "" when none is known. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Whether help and syntax leave the parameter out (a simple function's hidden $args collector). */
    public boolean isHidden() {
        return hidden;
    }

    /** Whether {@code text} is this parameter's name or an alias, ignoring case. */
    public boolean matchesExactly(String text) {
        return name.equalsIgnoreCase(text) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(text));
    }

    /** PowerShell's type name for help and errors: String[], Int32, SwitchParameter, ... */
    public String typeName() {
        if (isSwitch) {
            return "SwitchParameter";
        }
        Class<?> e = elementType();
        return isCollection() ? TypeNames.of(e == null ? Object.class : e) + "[]" : TypeNames.of(type);
    }

    @Override
    public String toString() {
        return "-" + name;
    }

    /** Builds parameter metadata by hand (script functions, tests). */
    public static final class Builder {
        private final String name;
        private Class<?> type = Object.class;
        private Class<?> elementType;
        private final List<String> aliases = new ArrayList<>();
        private final Map<String, SetInfo> sets = new LinkedHashMap<>();
        private String help = "";
        private final List<String> validateSet = new ArrayList<>();
        private boolean remainingArguments;
        private Field field;
        private String defaultValue = "";
        private boolean hidden;

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A parameter needs a name.");
            }
            this.name = name;
        }

        /** boolean/Boolean makes a switch; arrays and List take several values. */
        public Builder type(Class<?> t) {
            this.type = t;
            return this;
        }

        public Builder elementType(Class<?> t) {
            this.elementType = t;
            return this;
        }

        public Builder aliases(String... a) {
            for (String s : a) {
                if (aliases.stream().noneMatch(x -> x.equalsIgnoreCase(s))) {
                    aliases.add(s);
                }
            }
            return this;
        }

        /** Places the parameter in {@code set} ({@link #ALL_SETS} or null for every set). */
        public Builder inSet(String set, SetInfo info) {
            sets.put(set == null || set.isEmpty() ? ALL_SETS : set, info);
            return this;
        }

        /** Shorthand for a parameter in every set. */
        public Builder position(int position, boolean mandatory, boolean byValue, boolean byPropertyName) {
            return inSet(ALL_SETS, new SetInfo(position, mandatory, byValue, byPropertyName));
        }

        public Builder help(String h) {
            this.help = h;
            return this;
        }

        public Builder validateSet(String... values) {
            validateSet.clear();
            validateSet.addAll(Arrays.asList(values));
            return this;
        }

        public Builder valueFromRemainingArguments(boolean v) {
            this.remainingArguments = v;
            return this;
        }

        /** The default value's source text, shown by help. */
        public Builder defaultValue(String text) {
            this.defaultValue = text == null ? "" : text;
            return this;
        }

        public Builder hidden(boolean h) {
            this.hidden = h;
            return this;
        }

        public ParameterMetadata build() {
            return new ParameterMetadata(this);
        }
    }
}
