package org.drizzle.cmdlets.dotnet;

import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** Adapters for enums: {@code [X]::Name} constants, casts from names (case- and underscore-insensitive) or numbers. */
final class EnumTypes {
    private EnumTypes() {
    }

    static <E extends Enum<E>> TypeAdapter of(String fullName, Class<E> type) {
        TypeAdapter.Builder b = TypeAdapter.builder(fullName).instances(type::isInstance)
                .converter(v -> v == null ? null : LanguagePrimitives.toEnum(type, v))
                .method("Parse", 1, a -> LanguagePrimitives.toEnum(type, a.get(0)))
                .method("GetNames", 0, a -> names(type));
        for (E e : type.getEnumConstants()) {
            b.constant(display(e), e);
            if (!display(e).equalsIgnoreCase(e.name())) {
                b.constant(e.name(), e);
            }
        }
        return b.build();
    }

    /** PowerShell's spelling: engine constants (TRANSIENT_ERROR) become TransientError; Pascal names stay. */
    static String display(Enum<?> e) {
        return e.name().equals(e.name().toUpperCase(java.util.Locale.ROOT))
                ? org.drizzle.engine.job.Names.pascal(e.name()) : e.name();
    }

    private static Object[] names(Class<? extends Enum<?>> type) {
        Enum<?>[] values = type.getEnumConstants();
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = display(values[i]);
        }
        return out;
    }
}
