package org.drizzle.cmdlets.lang;

import java.util.List;
import java.util.Locale;

/**
 * What {@code $x.GetType()} returns: the .NET name of the value's type ({@code System.String},
 * {@code System.Object[]}, {@code Microsoft.BackgroundIntelligentTransfer.Management.BitsJob}),
 * never a Java class name. Prints as its full name, as a type does in a string.
 */
public record RuntimeType(String fullName) implements PropertyBag {
    private static final List<String> NAMES = List.of("Name", "FullName", "Namespace", "IsArray");

    @Override
    public List<String> propertyNames() {
        return NAMES;
    }

    @Override
    public Object getProperty(String name) {
        int dot = fullName.lastIndexOf('.');
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "name" -> fullName.substring(dot + 1);
            case "fullname" -> fullName;
            case "namespace" -> dot < 0 ? "" : fullName.substring(0, dot);
            case "isarray" -> fullName.endsWith("[]");
            default -> null;
        };
    }

    @Override
    public String toString() {
        return fullName;
    }
}
