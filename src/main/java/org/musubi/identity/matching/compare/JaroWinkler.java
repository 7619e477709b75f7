package org.musubi.identity.matching.compare;

/**
 * Jaro-Winkler similarity of two strings, 0 (nothing in common) to 1 (equal): Jaro's share of
 * matching characters (equal characters no further apart than half the longer length, minus
 * one) corrected for transpositions, raised by Winkler's bonus of 0.1 per equal leading
 * character, up to four. Compares UTF-16 units, which is exact for kana.
 */
final class JaroWinkler {

    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        double jaro = jaro(a, b);
        int prefix = 0;
        int limit = Math.min(MAX_PREFIX, Math.min(a.length(), b.length()));
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }

    static double jaro(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int end = Math.min(b.length(), i + window + 1);
            for (int j = Math.max(0, i - window); j < end; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        double m = matches;
        return (m / a.length() + m / b.length() + (m - transpositions(a, b, matchedA, matchedB)) / m) / 3;
    }

    private static int transpositions(String a, String b, boolean[] matchedA, boolean[] matchedB) {
        int halfTranspositions = 0;
        int j = 0;
        for (int i = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return halfTranspositions / 2;
    }
}
