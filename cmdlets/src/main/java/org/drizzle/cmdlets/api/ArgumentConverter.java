package org.drizzle.cmdlets.api;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drizzle.engine.job.JobId;
import org.drizzle.engine.job.Names;
import org.drizzle.cmdlets.lang.ConversionException;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/**
 * Converts an argument to a parameter's declared type the way PowerShell's binder does:
 * scalars to arrays, arrays element by element, names to enum values (listing the valid ones
 * when a name is wrong), numbers with banker's rounding. Messages name the bad value.
 */
public final class ArgumentConverter {
    /** The type -Credential and -ProxyCredential take (org.drizzle.cmdlets.bits.PSCredential). */
    private static final String CREDENTIAL = "PSCredential";

    private ArgumentConverter() {
    }

    /** Converts {@code value} for {@code p}; IllegalArgumentException with PowerShell's wording on failure. */
    public static Object convert(ParameterMetadata p, Object value) {
        if (p.isSwitch()) {
            return value == Argument.NO_VALUE || isTrue(value);
        }
        if (p.isCollection()) {
            Class<?> element = p.elementType() == null ? Object.class : p.elementType();
            List<Object> items = new ArrayList<>();
            for (Object o : elements(value)) {
                items.add(convertScalar(o, element));
            }
            if (p.type().isArray()) {
                Object array = Array.newInstance(element, items.size());
                for (int i = 0; i < items.size(); i++) {
                    Array.set(array, i, items.get(i));
                }
                return array;
            }
            return items;
        }
        if (p.type() != Object.class && (value instanceof Collection<?> || (value != null && value.getClass().isArray()))) {
            List<Object> items = elements(value);
            if (items.size() == 1) {
                return convertScalar(items.get(0), p.type());
            }
            if (p.type() == String.class) {
                return items.stream().map(ArgumentConverter::toText).collect(Collectors.joining(" "));
            }
            throw new IllegalArgumentException("Cannot convert the \"" + toText(value) + "\" value of type \""
                    + TypeNames.of(value.getClass()) + "\" to type \"" + TypeNames.of(p.type()) + "\".");
        }
        return convertScalar(value, p.type());
    }

    /** The elements of an array, collection or iterable; a scalar (including a string or map) is one element. */
    public static List<Object> elements(Object value) {
        if (value == null) {
            return new ArrayList<>(Arrays.asList((Object) null));
        }
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        if (value instanceof Iterable<?> it && !(value instanceof Map<?, ?>)) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        return new ArrayList<>(List.of(value));
    }

    /** Converts one value to {@code type}: job ids and enums here, everything else by LanguagePrimitives. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object convertScalar(Object value, Class<?> type) {
        if (value == null || type == Object.class || (!type.isPrimitive() && type.isInstance(value))) {
            return value;
        }
        try {
            if (type.isEnum()) {
                return toEnum(value, (Class) type);
            }
            if (type == JobId.class) {
                return value instanceof UUID u ? new JobId(u) : JobId.parse(toText(value));
            }
            if (type == java.net.URI.class) {
                return java.net.URI.create(toText(value));
            }
            return LanguagePrimitives.convertTo(value, type);
        } catch (ConversionException e) {
            if (value instanceof CharSequence user && CREDENTIAL.equals(TypeNames.of(type))) {
                throw userNameIsNotACredential(user.toString());
            }
            throw e;
        } catch (RuntimeException e) {
            throw cannotConvert(value, type, e.getMessage());
        }
    }

    /**
     * PowerShell prompts for the password when -Credential gets a bare user name; a script cannot be
     * prompted, so the error says how to build the credential instead.
     */
    private static IllegalArgumentException userNameIsNotACredential(String user) {
        String name = user.isBlank() ? "alice" : user.trim();
        return new IllegalArgumentException("Cannot convert value \"" + user + "\" to type \"" + CREDENTIAL
                + "\": a user name alone is not a credential. Create one with Get-Credential, for example -Credential "
                + "(Get-Credential -UserName " + name + " -PasswordEnvironmentVariable BITS_PASSWORD), "
                + "or -PasswordFile, or run Get-Credential on a terminal to be prompted.");
    }

    private static IllegalArgumentException cannotConvert(Object value, Class<?> type, String why) {
        return new IllegalArgumentException("Cannot convert value \"" + toText(value) + "\" to type \""
                + TypeNames.of(type) + "\"." + (why == null ? "" : " Error: \"" + why + "\""));
    }

    private static <E extends Enum<E>> E toEnum(Object value, Class<E> type) {
        if (value instanceof Number n) {
            for (E e : type.getEnumConstants()) {
                if (numericValue(e) == n.longValue()) {
                    return e;
                }
            }
        }
        String text = toText(value).trim();
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").equalsIgnoreCase(text.replace("_", ""))
                    || String.valueOf(numericValue(e)).equals(text)) {
                return e;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants()).map(e -> Names.pascal(e.name()))
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Cannot convert value \"" + text + "\" to type \"" + type.getSimpleName()
                + "\". Error: \"Unable to match the identifier name " + text + " to a valid enumerator name. "
                + "Specify one of the following enumerator names and try again: " + valid + "\"");
    }

    private static long numericValue(Enum<?> e) {
        try {
            Method m = e.getClass().getMethod("value");
            return ((Number) m.invoke(e)).longValue();
        } catch (ReflectiveOperationException | ClassCastException ex) {
            return e.ordinal();
        }
    }

    /** PowerShell's truthiness (LanguagePrimitives). */
    public static boolean isTrue(Object v) {
        return LanguagePrimitives.isTrue(v);
    }

    /** PowerShell's string form (LanguagePrimitives). */
    public static String toText(Object v) {
        return LanguagePrimitives.toStr(v);
    }
}
