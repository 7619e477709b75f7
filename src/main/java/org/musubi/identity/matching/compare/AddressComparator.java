package org.musubi.identity.matching.compare;

import java.util.Set;
import org.musubi.identity.matching.normalize.AddressNormalizer;

/**
 * Compares addresses after {@link AddressNormalizer}: {@link Agreement#EXACT}; {@link Agreement#CONTAINS}
 * when one, with a house number, lies inside the other (the prefecture or city left out, a building
 * name added); {@link Agreement#TOKEN_OVERLAP} when the Jaccard overlap of their
 * {@linkplain AddressNormalizer#tokens tokens} is at least 0.6 (same town, a different or mistyped
 * number); otherwise {@link Agreement#DISAGREE}.
 */
public final class AddressComparator {

    static final double OVERLAP = 0.6;
    private static final int SHORTEST_CONTAINED = 6;

    private AddressComparator() {
    }

    public static Agreement compare(String a, String b) {
        return compareNormalized(AddressNormalizer.normalize(a), AddressNormalizer.normalize(b));
    }

    public static Agreement compareNormalized(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= SHORTEST_CONTAINED && hasDigit(shorter) && longer.contains(shorter)) {
            return Agreement.CONTAINS;
        }
        if (jaccard(AddressNormalizer.tokens(a), AddressNormalizer.tokens(b)) >= OVERLAP) {
            return Agreement.TOKEN_OVERLAP;
        }
        return Agreement.DISAGREE;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        int common = 0;
        for (String token : a) {
            common += b.contains(token) ? 1 : 0;
        }
        int union = a.size() + b.size() - common;
        return union == 0 ? 0 : (double) common / union;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }
}
