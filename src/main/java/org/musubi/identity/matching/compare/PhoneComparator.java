package org.musubi.identity.matching.compare;

/**
 * Compares phone numbers by their digits only, so hyphens, brackets and widths do not matter.
 * {@link Agreement#LAST_8_DIGITS} catches the same line written with and without the area code
 * or as +81.
 */
public final class PhoneComparator {

    public static final int SUFFIX = 8;

    private PhoneComparator() {
    }

    public static Agreement compare(String a, String b) {
        return compareDigits(Digits.of(a), Digits.of(b));
    }

    public static Agreement compareDigits(String a, String b) {
        return Digits.compare(a, b, Agreement.LAST_8_DIGITS, (x, y) -> x.length() >= SUFFIX && y.length() >= SUFFIX
                && x.regionMatches(x.length() - SUFFIX, y, y.length() - SUFFIX, SUFFIX));
    }
}
