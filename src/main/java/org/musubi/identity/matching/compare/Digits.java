package org.musubi.identity.matching.compare;

import java.util.function.BiPredicate;

/** The digits of a phone number or postal code, any width, as ASCII; placeholders count as absent. */
public final class Digits {

    private Digits() {
    }

    /** The digits in order, or "" when there are none or all are the same (0000000, 000-0000-0000). */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit >= 0) {
                digits.append((char) ('0' + digit));
            }
        }
        return placeholder(digits) ? "" : digits.toString();
    }

    /** Missing, exact, {@code partly} when {@code partlyEqual} holds, else disagreement — for digit strings from {@link #of}. */
    static Agreement compare(String a, String b, Agreement partly, BiPredicate<String, String> partlyEqual) {
        if (a.isEmpty() || b.isEmpty()) {
            return Agreement.MISSING;
        }
        if (a.equals(b)) {
            return Agreement.EXACT;
        }
        return partlyEqual.test(a, b) ? partly : Agreement.DISAGREE;
    }

    private static boolean placeholder(CharSequence digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
