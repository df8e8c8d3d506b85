package org.drizzle.cmdlets.api;

import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions by edit distance, for unknown parameter and command names. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The candidate closest to {@code text} (case-insensitive), or null when none is close enough. */
    public static String closest(String text, List<String> candidates) {
        String t = text.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, t.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** Levenshtein distance: the fewest single-character inserts, deletes or changes from a to b. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
