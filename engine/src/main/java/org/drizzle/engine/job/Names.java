package org.drizzle.engine.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Converts between Java enum names (TRANSIENT_ERROR) and PowerShell spellings (TransientError). */
public final class Names {
    private Names() {
    }

    /** {@code TRANSIENT_ERROR} becomes {@code TransientError}. */
    public static String pascal(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.split("_")) {
            if (part.isEmpty()) {
                continue;
            }
            out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * Finds the constant whose name matches {@code text} ignoring case and underscores, so
     * {@code TransientError}, {@code transient_error} and {@code TRANSIENT_ERROR} all match.
     *
     * @throws IllegalArgumentException naming the bad value and listing the valid ones
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        String wanted = text == null ? "" : text.trim().replace("_", "").toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return e;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants())
                .map(e -> pascal(e.name())).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("'" + text + "' is not a valid " + type.getSimpleName()
                + "; valid values are: " + valid);
    }
}
