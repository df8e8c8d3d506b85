package org.drizzle.cmdlets.lang;

import java.util.List;

/**
 * An object that exposes its properties by name, read live on every access: PSCustomObject,
 * and live objects such as a BitsJob whose JobState changes while a script holds it.
 * {@link Members} consults this interface before reflecting on the class.
 */
public interface PropertyBag {

    /** Property names in display order, as the user should see them. */
    List<String> propertyNames();

    /** True when {@code name} (case-insensitive) is a property of this object. */
    default boolean hasProperty(String name) {
        return propertyNames().stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** The current value of the property (case-insensitive name); null when absent. */
    Object getProperty(String name);

    /** Sets a property; objects whose properties are read-only throw a clear error. */
    default void setProperty(String name, Object value) {
        throw new UnsupportedOperationException("'" + name + "' is a ReadOnly property.");
    }
}
