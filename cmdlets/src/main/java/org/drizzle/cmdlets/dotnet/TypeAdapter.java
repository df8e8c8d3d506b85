package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One .NET type as scripts see it: its static properties ({@code [X]::Member}, some settable),
 * static methods chosen by name and argument count ({@code [X]::Method(a, b)}), constructors
 * ({@code [X]::new()}, New-Object), and the {@code -is} test and cast conversion.
 * Built once with {@link #builder(String)}; member names ignore case.
 */
public final class TypeAdapter {
    /** Arity key for a method or constructor that takes any number of arguments. */
    public static final int ANY = -1;

    private final String fullName;
    private final Map<String, Supplier<Object>> getters;
    private final Map<String, Consumer<Object>> setters;
    private final Map<String, Map<Integer, Function<List<Object>, Object>>> methods;
    private final Map<Integer, Function<List<Object>, Object>> constructors;
    private final Predicate<Object> instanceTest;
    private final Function<Object, Object> converter;
    /** Member names as declared (the maps above are keyed in lower case). */
    private final Map<String, String> spelling;

    private TypeAdapter(Builder b) {
        spelling = Map.copyOf(b.spelling);
        fullName = b.fullName;
        getters = Map.copyOf(b.getters);
        setters = Map.copyOf(b.setters);
        methods = Map.copyOf(b.methods);
        constructors = Map.copyOf(b.constructors);
        instanceTest = b.instanceTest;
        converter = b.converter;
    }

    public static Builder builder(String fullName) {
        return new Builder(fullName);
    }

    /** The .NET full name, as {@code [X].FullName} and error messages show it. */
    public String fullName() {
        return fullName;
    }

    /** {@code [X]::Member}. */
    public Object getStatic(String member) {
        Supplier<Object> g = getters.get(key(member));
        if (g == null) {
            throw new DotNetException("PropertyNotFound", "The property '" + member
                    + "' cannot be found on type [" + fullName + "].");
        }
        return g.get();
    }

    public boolean hasStatic(String member) {
        return getters.containsKey(key(member));
    }

    /** {@code [X]::Member = value}. */
    public void setStatic(String member, Object value) {
        Consumer<Object> s = setters.get(key(member));
        if (s == null) {
            throw new DotNetException("PropertyAssignmentException", getters.containsKey(key(member))
                    ? "'" + member + "' is a ReadOnly property of [" + fullName + "]."
                    : "The property '" + member + "' cannot be found on type [" + fullName + "].");
        }
        s.accept(value);
    }

    /** {@code [X]::Method(args)}: the overload taking {@code args.size()} arguments, else a variadic one. */
    public Object invokeStatic(String method, List<Object> args) {
        Map<Integer, Function<List<Object>, Object>> overloads = methods.get(key(method));
        if (overloads == null) {
            throw new DotNetException("MethodNotFound", "Method invocation failed because [" + fullName
                    + "] does not contain a method named '" + method + "'.");
        }
        Function<List<Object>, Object> f = overloads.getOrDefault(args.size(), overloads.get(ANY));
        if (f == null) {
            throw new DotNetException("MethodCountCouldNotFindBest", "Cannot find an overload for \"" + method
                    + "\" and the argument count: \"" + args.size() + "\".");
        }
        return f.apply(args);
    }

    public boolean hasMethod(String method) {
        return methods.containsKey(key(method));
    }

    /** {@code [X]::new(args)} and {@code New-Object X args}. */
    public Object construct(List<Object> args) {
        if (constructors.isEmpty()) {
            throw new DotNetException("CannotInstantiate", "Cannot create an instance of [" + fullName
                    + "]: it has no constructor scripts can use.");
        }
        Function<List<Object>, Object> f = constructors.getOrDefault(args.size(), constructors.get(ANY));
        if (f == null) {
            throw new DotNetException("ConstructorNotFound", "Cannot find an overload for \"new\" and the argument count: \""
                    + args.size() + "\" on type [" + fullName + "].");
        }
        return f.apply(args);
    }

    /** {@code $v -is [X]}. */
    public boolean isInstance(Object value) {
        return value != null && instanceTest.test(value);
    }

    /** {@code [X]$v}: a DotNetException naming the value and type when it cannot convert. */
    public Object convert(Object value) {
        try {
            return converter.apply(value);
        } catch (DotNetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DotNetException.cannotConvert(value, fullName, e.getMessage());
        }
    }

    /** Static member names as declared, properties then methods, for tab completion and Get-Member -Static. */
    public List<String> staticMemberNames() {
        List<String> names = new ArrayList<>();
        getters.keySet().forEach(k -> names.add(spelling.getOrDefault(k, k)));
        methods.keySet().forEach(k -> names.add(spelling.getOrDefault(k, k)));
        return names;
    }

    /** The argument counts {@code method}'s overloads take ({@link #ANY}: any number); empty when it is no method. */
    public List<Integer> arities(String method) {
        Map<Integer, Function<List<Object>, Object>> overloads = methods.get(key(method));
        return overloads == null ? List.of() : overloads.keySet().stream().sorted().toList();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return fullName;
    }

    /** Collects a type's members; every name is given in .NET spelling. */
    public static final class Builder {
        private final String fullName;
        private final Map<String, Supplier<Object>> getters = new LinkedHashMap<>();
        private final Map<String, Consumer<Object>> setters = new HashMap<>();
        private final Map<String, Map<Integer, Function<List<Object>, Object>>> methods = new LinkedHashMap<>();
        private final Map<Integer, Function<List<Object>, Object>> constructors = new HashMap<>();
        private final Map<String, String> spelling = new HashMap<>();
        private Predicate<Object> instanceTest = v -> false;
        private Function<Object, Object> converter;

        private Builder(String fullName) {
            this.fullName = fullName;
            this.converter = v -> {
                if (instanceTest.test(v)) {
                    return v;
                }
                throw DotNetException.cannotConvert(v, fullName, "No conversion is defined to " + fullName + ".");
            };
        }

        public Builder constant(String name, Object value) {
            return property(name, () -> value);
        }

        public Builder property(String name, Supplier<Object> getter) {
            getters.put(key(name), getter);
            spelling.putIfAbsent(key(name), name);
            return this;
        }

        public Builder settable(String name, Supplier<Object> getter, Consumer<Object> setter) {
            setters.put(key(name), setter);
            return property(name, getter);
        }

        /** A static method overload with exactly {@code arity} arguments ({@link #ANY} for variadic). */
        public Builder method(String name, int arity, Function<List<Object>, Object> body) {
            methods.computeIfAbsent(key(name), k -> new HashMap<>()).put(arity, body);
            spelling.putIfAbsent(key(name), name);
            return this;
        }

        public Builder constructor(int arity, Function<List<Object>, Object> body) {
            constructors.put(arity, body);
            return this;
        }

        public Builder instances(Predicate<Object> test) {
            this.instanceTest = test;
            return this;
        }

        /** The cast; by default only instances convert (to themselves). */
        public Builder converter(Function<Object, Object> convert) {
            this.converter = convert;
            return this;
        }

        public TypeAdapter build() {
            return new TypeAdapter(this);
        }
    }
}
