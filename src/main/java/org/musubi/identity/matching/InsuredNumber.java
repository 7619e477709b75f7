package org.musubi.identity.matching;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An insured person's number (被保険者個人識別子) as receipts, the national services and JP-CLINS write it: the insurer
 * number (保険者番号), the 記号 and 番号 of the insurance card (被保険者証) and the 枝番 that tells apart the family
 * members on one card (two digits, printed since 2021; {@code null} when not sent). Normalised once here, so that the
 * same card typed in two facilities gives the same {@link #key()}:
 * <ul>
 * <li>full-width digits, letters and colons become ASCII, half-width kana full-width (Unicode NFKC); kanji and kana in
 *     the 記号 are kept as written;</li>
 * <li>spaces (also 全角) and hyphens (-, ‐, －, − …) are dropped; Latin letters are upper-cased;</li>
 * <li>the insurer number is 8 digits; a 6-digit one (国民健康保険) gets two leading zeros, as JP-CLINS writes it;</li>
 * <li>the 枝番 is two digits (a single digit gets a leading zero); the 記号 may be empty, the 番号 may not.</li>
 * </ul>
 * Anything else (an insurer number of another length, a 枝番 that is not one or two digits, no 番号) is no number.
 */
public record InsuredNumber(String insurer, String symbol, String number, String branch) {

    private static final Pattern DROPPED = Pattern.compile("[\\s\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D\\uFE63]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int LONGEST_PART = 40;

    /** The JP-CLINS form {@code 保険者番号:記号:番号:枝番} (the 枝番, or its colon, may be left out). */
    public static Optional<InsuredNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = Normalizer.normalize(text, Normalizer.Form.NFKC).split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            return Optional.empty();
        }
        return of(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null);
    }

    /** The parts as received (any may be {@code null}), normalised; empty when they make no number. */
    public static Optional<InsuredNumber> of(String insurer, String symbol, String number, String branch) {
        String i = clean(insurer);
        String s = clean(symbol);
        String n = clean(number);
        String b = clean(branch);
        if (i.length() == 6) {
            i = "00" + i;
        }
        if (i.length() != 8 || !DIGITS.matcher(i).matches() || n.isEmpty()
                || s.length() > LONGEST_PART || n.length() > LONGEST_PART || s.contains("|") || n.contains("|")) {
            return Optional.empty();
        }
        if (b.isEmpty()) {
            return Optional.of(new InsuredNumber(i, s, n, null));
        }
        if (b.length() > 2 || !DIGITS.matcher(b).matches()) {
            return Optional.empty();
        }
        return Optional.of(new InsuredNumber(i, s, n, b.length() == 1 ? "0" + b : b));
    }

    /** {@code insurer|記号|番号|枝番} ({@code insurer|記号|番号|} without a 枝番): the person, or the card when no 枝番. */
    public String key() {
        return cardKey() + "|" + (branch == null ? "" : branch);
    }

    /** {@code insurer|記号|番号}: the card, which the family members on it share. */
    public String cardKey() {
        return insurer + "|" + symbol + "|" + number;
    }

    private static String clean(String part) {
        if (part == null) {
            return "";
        }
        String normalized = Normalizer.normalize(part, Normalizer.Form.NFKC);
        StringBuilder upper = new StringBuilder(normalized.length());
        DROPPED.matcher(normalized).replaceAll("").codePoints()
                .map(c -> c < 128 ? Character.toUpperCase(c) : c).forEach(upper::appendCodePoint);
        return upper.toString();
    }
}
