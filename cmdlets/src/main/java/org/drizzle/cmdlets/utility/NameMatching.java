package org.drizzle.cmdlets.utility;

import java.util.Locale;
import org.drizzle.cmdlets.api.Suggestions;

/** Get-Command's -UseFuzzyMatching distance and -UseAbbreviationExpansion form of a command name. */
final class NameMatching {
    private NameMatching() {
    }

    /** Levenshtein distance ignoring case ({@link Suggestions#distance} of the lower-cased names). */
    static int distance(String a, String b) {
        return Suggestions.distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }

    /** The capitals and dashes of a name, lower-cased: Import-PowerShellDataFile gives i-psdf. */
    static String abbreviation(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c) || c == '-') {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
