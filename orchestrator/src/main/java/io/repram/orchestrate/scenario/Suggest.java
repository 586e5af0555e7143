package io.repram.orchestrate.scenario;

import java.util.Collection;
import java.util.Comparator;

/** "Did you mean ...?" for misspelt keys and names. */
final class Suggest {

    private Suggest() {
    }

    /** {@code " (did you mean payload_bytes?)"} or "" when nothing is close enough. */
    static String didYouMean(String given, Collection<String> allowed) {
        return allowed.stream()
                .min(Comparator.comparingInt(a -> distance(given, a)))
                .filter(best -> distance(given, best) <= Math.max(2, best.length() / 3))
                .map(best -> " (did you mean " + best + "?)")
                .orElse("");
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
