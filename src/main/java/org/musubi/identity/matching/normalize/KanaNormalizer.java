package org.musubi.identity.matching.normalize;

import java.text.Normalizer;

/**
 * Normalises a kana name so that spellings of the same reading compare equal. In order:
 * <ol>
 * <li>NFKC, so half-width katakana become full-width ({@code ｻﾄｳ} → {@code サトウ}, {@code ｶﾞ} → {@code ガ});
 * <li>hiragana become katakana; the iteration marks ヽ/ゝ repeat the previous kana, ヾ/ゞ voice it;
 * <li>the ヴ family becomes the バ family: ヴァ→バ, ヴィ→ビ, ヴ→ブ, ヴェ→ベ, ヴォ→ボ;
 * <li>small kana become large (ァィゥェォッャュョヮヵヶ), ヂ→ジ, ヅ→ズ, ヲ→オ, ヰ→イ, ヱ→エ, ヷヸヹヺ→バビベボ;
 * <li>long vowels get one canonical spelling, the one modern kana orthography uses: a long O is
 *     written オウ, a long U ウウ, a long E エイ, a long I イイ, a long A アア. So the mark ー becomes
 *     that vowel, and オ after an O-row kana becomes ウ, エ after an E-row kana becomes イ:
 *     オオタ = オータ = オウタ, サトー = サトウ, ユーコ = ユウコ, ケーコ = ケイコ. Lengths stay
 *     distinct (オノ ≠ オオノ); ー with no vowel before it (after ン, at the start) is dropped;
 * <li>everything else (spaces of any width, the middle dot, Latin letters, digits) is removed.
 * </ol>
 * One pass over the characters, no regular expressions; {@code null} gives the empty string.
 */
public final class KanaNormalizer {

    private static final char FIRST = 'ァ';
    private static final char LAST = 'ヿ';
    private static final char[] FOLDED = new char[LAST - FIRST + 1];
    private static final char[] VOWEL = new char[LAST - FIRST + 1];

    static {
        for (char c = FIRST; c <= LAST; c++) {
            FOLDED[c - FIRST] = c;
        }
        fold("ァィゥェォッャュョヮヵヶヂヅヲヰヱヷヸヹヺ", "アイウエオツヤユヨワカケジズオイエバビベボ");
        vowels("アカガサザタダナハバパマヤラワ", 'a');
        vowels("イキギシジチニヒビピミリ", 'i');
        vowels("ウクグスズツヌフブプムユル", 'u');
        vowels("エケゲセゼテデネヘベペメレ", 'e');
        vowels("オコゴソゾトドノホボポモヨロ", 'o');
    }

    private KanaNormalizer() {
    }

    public static String normalize(String kana) {
        if (kana == null || kana.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(kana, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        char vowel = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = katakana(text.charAt(i));
            if (c == 'ヴ') {
                int small = i + 1 < text.length() ? "ァィゥェォ".indexOf(katakana(text.charAt(i + 1))) : -1;
                c = small < 0 ? 'ブ' : "バビブベボ".charAt(small);
                i += small < 0 ? 0 : 1;
            } else if (c == 'ヽ' || c == 'ヾ') {
                c = repeated(out, c == 'ヾ');
            }
            if (c == 'ー' || isKana(c)) {
                c = c == 'ー' ? c : FOLDED[c - FIRST];
                char extension = extension(vowel, c);
                if (extension != 0) {
                    out.append(extension);
                } else if (c != 'ー') {
                    out.append(c);
                    vowel = VOWEL[c - FIRST];
                }
            }
        }
        return out.toString();
    }

    /** The canonical vowel that lengthens the previous kana, or 0 when {@code c} does not lengthen it. */
    private static char extension(char vowel, char c) {
        return switch (vowel) {
            case 'a' -> c == 'ー' || c == 'ア' ? 'ア' : 0;
            case 'i' -> c == 'ー' || c == 'イ' ? 'イ' : 0;
            case 'u' -> c == 'ー' || c == 'ウ' ? 'ウ' : 0;
            case 'e' -> c == 'ー' || c == 'イ' || c == 'エ' ? 'イ' : 0;
            case 'o' -> c == 'ー' || c == 'ウ' || c == 'オ' ? 'ウ' : 0;
            default -> 0;
        };
    }

    private static char katakana(char c) {
        if (c >= 'ぁ' && c <= 'ゖ' || c == 'ゝ' || c == 'ゞ') {
            return (char) (c + ('ァ' - 'ぁ'));
        }
        return c;
    }

    private static boolean isKana(char c) {
        return c >= FIRST && c <= 'ヺ' && c != '・';
    }

    private static char repeated(StringBuilder out, boolean voiced) {
        if (out.isEmpty()) {
            return 0;
        }
        char previous = out.charAt(out.length() - 1);
        return voiced && "カキクケコサシスセソタチツテトハヒフヘホ".indexOf(previous) >= 0 ? (char) (previous + 1) : previous;
    }

    private static void fold(String from, String to) {
        for (int i = 0; i < from.length(); i++) {
            FOLDED[from.charAt(i) - FIRST] = to.charAt(i);
        }
    }

    private static void vowels(String kana, char vowel) {
        for (int i = 0; i < kana.length(); i++) {
            VOWEL[kana.charAt(i) - FIRST] = vowel;
        }
    }
}
