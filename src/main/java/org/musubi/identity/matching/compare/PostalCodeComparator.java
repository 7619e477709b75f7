package org.musubi.identity.matching.compare;

/** Compares postal codes by their digits: all seven, or the first three (the post-office area). */
public final class PostalCodeComparator {

    private static final int AREA = 3;

    private PostalCodeComparator() {
    }

    public static Agreement compare(String a, String b) {
        return compareDigits(Digits.of(a), Digits.of(b));
    }

    public static Agreement compareDigits(String a, String b) {
        return Digits.compare(a, b, Agreement.FIRST_3_DIGITS,
                (x, y) -> x.length() >= AREA && y.length() >= AREA && x.regionMatches(0, y, 0, AREA));
    }
}
