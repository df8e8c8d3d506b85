package org.drizzle.cmdlets.dotnet;

import java.util.ArrayList;
import java.util.List;
import org.drizzle.cmdlets.lang.LanguagePrimitives;

/** [string] (System.String): the static helpers scripts call and the cast ($null becomes ""). */
final class StringType {
    /** System.StringComparison: the string methods read "IgnoreCase" in its name. */
    enum StringComparison {
        CurrentCulture, CurrentCultureIgnoreCase, InvariantCulture, InvariantCultureIgnoreCase, Ordinal, OrdinalIgnoreCase
    }

    private StringType() {
    }

    static List<TypeAdapter> adapters() {
        return List.of(TypeAdapter.builder("System.String")
                .constant("Empty", "")
                .method("IsNullOrEmpty", 1, a -> a.get(0) == null || str(a.get(0)).isEmpty())
                .method("IsNullOrWhiteSpace", 1, a -> a.get(0) == null || str(a.get(0)).isBlank())
                .method("Join", TypeAdapter.ANY, StringType::join)
                .method("Concat", TypeAdapter.ANY, a -> String.join("", strings(flatten(a))))
                .method("Format", TypeAdapter.ANY, StringType::format)
                .method("Equals", 2, a -> str(a.get(0)).equals(str(a.get(1))))
                .method("Compare", 2, a -> Integer.signum(str(a.get(0)).compareTo(str(a.get(1)))))
                .method("Compare", 3, a -> Integer.signum(LanguagePrimitives.isTrue(a.get(2))
                        ? str(a.get(0)).compareToIgnoreCase(str(a.get(1))) : str(a.get(0)).compareTo(str(a.get(1)))))
                .constructor(2, a -> String.valueOf(str(a.get(0)).charAt(0)).repeat(LanguagePrimitives.toInt(a.get(1))))
                .instances(CharSequence.class::isInstance)
                .converter(v -> v == null ? "" : LanguagePrimitives.toStr(v))
                .build(), EnumTypes.of("System.StringComparison", StringComparison.class));
    }

    private static String str(Object v) {
        return v == null ? "" : LanguagePrimitives.toStr(v);
    }

    /** [string]::Join(sep, array) or Join(sep, a, b, c); $null elements are empty. */
    private static Object join(List<Object> a) {
        if (a.isEmpty()) {
            throw new DotNetException("MethodCountCouldNotFindBest", "Cannot find an overload for \"Join\" and the argument count: \"0\".");
        }
        return String.join(str(a.get(0)), strings(flatten(a.subList(1, a.size()))));
    }

    private static Object format(List<Object> a) {
        if (a.isEmpty()) {
            throw new DotNetException("MethodCountCouldNotFindBest", "Cannot find an overload for \"Format\" and the argument count: \"0\".");
        }
        return CompositeFormat.format(str(a.get(0)), flatten(a.subList(1, a.size())));
    }

    /** A single array argument stands for the argument list (params object[]). */
    private static List<Object> flatten(List<Object> a) {
        return a.size() == 1 && LanguagePrimitives.isEnumerable(a.get(0)) ? LanguagePrimitives.toList(a.get(0)) : a;
    }

    private static List<String> strings(List<Object> items) {
        List<String> out = new ArrayList<>();
        items.forEach(o -> out.add(str(o)));
        return out;
    }
}
