package org.drizzle.cmdlets.api;

import java.util.Locale;

/**
 * A warning, verbose, debug or information message merged into the output ({@code 3>&1},
 * {@code *>&1}): {@code "$_"} is its message; at the console it prints as the stream shows it
 * ({@code WARNING: ...}).
 */
public record StreamRecord(String Stream, String Message) {
    /** The line the console shows for it. */
    public String display() {
        return Stream.equals("Information") ? Message : Stream.toUpperCase(Locale.ROOT) + ": " + Message;
    }

    @Override
    public String toString() {
        return Message;
    }
}
