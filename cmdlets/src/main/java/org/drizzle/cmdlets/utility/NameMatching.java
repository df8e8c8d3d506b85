package org.drizzle.cmdlets.utility;

import java.util.Locale;

/** Get-Command's -UseFuzzyMatching distance and -UseAbbreviationExpansion form of a command name. */
final class NameMatching {
    private NameMatching() {
    }

    /** Levenshtein distance ignoring case: the fewest single-character inserts, deletes or changes from a to b. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int change = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length()];
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
