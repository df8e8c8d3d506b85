package org.drizzle.cmdlets.api;

import org.drizzle.cmdlets.lang.DisplaysAsText;

/** An ErrorRecord's ErrorDetails: a message replacing the exception's, and the recommended action. */
public record ErrorDetails(String message, String recommendedAction) implements DisplaysAsText {
    @Override
    public String toString() {
        return message;
    }
}
