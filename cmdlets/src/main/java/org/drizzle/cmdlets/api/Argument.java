package org.drizzle.cmdlets.api;

/**
 * One argument of a command invocation as the parser saw it: {@code -Name value},
 * {@code -Name:value}, a switch ({@code -Name} with no value), or a positional value.
 * {@code splatted} marks arguments that came from {@code @params}.
 *
 * @param name     the parameter name without the dash as written (maybe a prefix), or null when positional
 * @param value    the value; {@link #NO_VALUE} for a bare switch
 * @param explicit true for the {@code -Name:value} form (the value was attached)
 */
public record Argument(String name, Object value, boolean explicit, boolean splatted) {
    /** Marker for a switch given without a value. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<switch>";
        }
    };

    public static Argument positional(Object value) {
        return new Argument(null, value, false, false);
    }

    public static Argument named(String name, Object value) {
        return new Argument(name, value, false, false);
    }

    public boolean isPositional() {
        return name == null;
    }
}
