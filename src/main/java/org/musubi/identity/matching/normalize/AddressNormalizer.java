package org.musubi.identity.matching.normalize;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Normalises a Japanese address so that the usual ways of writing the same place compare equal:
 * NFKC (full-width digits and letters become ASCII), spaces removed, every hyphen and dash
 * variant (and ー after a digit) becomes {@code -}, 丁目/番地/番/号 become {@code -} with a kanji
 * number before them turned into digits (一丁目 → 1-), の/ノ between numbers becomes {@code -},
 * ノ becomes の and ケ/ヶ/が/ガ/ヵ/箇 after a kanji become ヶ (日ノ出町 = 日の出町, 緑が丘 = 緑ヶ丘);
 * a hyphen is kept only between two digits. So 若葉町一丁目2番3号 = 若葉町1-2-3 = 若葉町１－２－３.
 */
public final class AddressNormalizer {

    private static final String HYPHENS = "-‐‑‒–—―−─━";
    private static final String KANJI_DIGITS = "〇一二三四五六七八九";
    private static final String KA = "ケヶがガヵ箇";
    private static final String TOKEN_ENDS = "都道府県市区郡町村";

    private AddressNormalizer() {
    }

    public static String normalize(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(address, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            char previous = out.isEmpty() ? 0 : out.charAt(out.length() - 1);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            int marker = markerLength(c, next);
            if (marker > 0) {
                i += marker - 1;
                numberBefore(out);
                out.append('-');
            } else if (HYPHENS.indexOf(c) >= 0 || c == 'ー' && isDigit(previous)
                    || (c == 'の' || c == 'ノ') && (isDigit(previous) || previous == '-') && isDigit(next)) {
                out.append('-');
            } else if (KA.indexOf(c) >= 0 && Character.isIdeographic(previous)) {
                out.append('ヶ');
            } else {
                out.append(c == 'ノ' ? 'の' : c);
            }
        }
        return hyphensBetweenDigitsOnly(out);
    }

    /** Pieces of a normalised address: each level up to 都道府県市区郡町村, and each run of numbers. */
    public static Set<String> tokens(String normalized) {
        Set<String> tokens = new LinkedHashSet<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            boolean number = isDigit(c) || c == '-';
            if (!token.isEmpty() && number != isDigit(token.charAt(0))) {
                tokens.add(token.toString());
                token.setLength(0);
            }
            token.append(c);
            if (TOKEN_ENDS.indexOf(c) >= 0) {
                tokens.add(token.toString());
                token.setLength(0);
            }
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** The length of 丁目, 番地, 番 or 号 starting at {@code c}, or 0. */
    private static int markerLength(char c, char next) {
        if (c == '丁' && next == '目' || c == '番' && next == '地') {
            return 2;
        }
        return c == '番' || c == '号' ? 1 : 0;
    }

    /** Turns a kanji number at the end of {@code out} (二十三) into ASCII digits (23). */
    private static void numberBefore(StringBuilder out) {
        int start = out.length();
        while (start > 0 && (KANJI_DIGITS.indexOf(out.charAt(start - 1)) >= 0 || out.charAt(start - 1) == '十')) {
            start--;
        }
        if (start == out.length()) {
            return;
        }
        int total = 0;
        int current = 0;
        for (int i = start; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else {
                current = current * 10 + KANJI_DIGITS.indexOf(c);
            }
        }
        out.setLength(start);
        out.append(total + current);
    }

    private static String hyphensBetweenDigitsOnly(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = c != '-' || i + 1 < text.length() && isDigit(text.charAt(i + 1))
                    && !out.isEmpty() && isDigit(out.charAt(out.length() - 1));
            if (keep) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
