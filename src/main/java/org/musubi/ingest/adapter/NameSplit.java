package org.musubi.ingest.adapter;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Where a name sent without a separator between family and given name (テストハンヨウ, as many receipt computers write
 * the カタカナ氏名) splits, when that can be decided. A reading cannot be known from kanji (家族 may be read カゾク,
 * ヤカラ …), so only what the other form of the same name says for certain is used:
 * <ol>
 * <li>a space (half- or full-width) in the name itself: split at the first;</li>
 * <li>else, the other form's family name written the same way (both in kana, 全角 or 半角, hiragana or katakana: compared
 *     after NFKC and with hiragana read as katakana) begins the name and is shorter than it: split after it
 *     ({@code やまだ　花子} splits {@code ヤマダハナコ} after ヤマダ; {@code テスト　ハンヨウ} splits {@code テストハンヨウ});</li>
 * <li>else, the other form's given name written the same way ends the name and is shorter than it: split before it
 *     ({@code 山田　ハナコ} splits {@code ヤマダハナコ} before ハナコ);</li>
 * <li>else the name stays whole: family name the whole, no given name. Matching then compares it with a person's whole
 *     name (identity.matching), and the import says so ({@code ingest.name.kanaWhole}).</li>
 * </ol>
 * A split under rule 2 or 3 gives the parts in NFKC (full-width kana, as matching reads them), never changes a
 * character's reading and never drops one: family + given is the name as sent, without its spaces. The same rule
 * splits a kanji name written without a space by its kana when the kanji name is itself in kana.
 */
public final class NameSplit {

    private NameSplit() {
    }

    /**
     * The family and given name of {@code whole}, by rules 1–3, given the other form of the name ({@code otherFamily},
     * {@code otherGiven}, either may be null); empty when it stays whole (rule 4) or is blank.
     */
    public static Optional<Parts> of(String whole, String otherFamily, String otherGiven) {
        if (whole == null || whole.isBlank()) {
            return Optional.empty();
        }
        String text = whole.strip();
        int space = firstSpace(text);
        if (space > 0) {
            String given = text.substring(space + 1).strip();
            return given.isEmpty() ? Optional.empty() : Optional.of(new Parts(text.substring(0, space), given));
        }
        if (blank(otherFamily) || blank(otherGiven)) {
            return Optional.empty();
        }
        String name = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String read = reading(name);
        String family = reading(Normalizer.normalize(otherFamily.strip(), Normalizer.Form.NFKC));
        String given = reading(Normalizer.normalize(otherGiven.strip(), Normalizer.Form.NFKC));
        if (read.length() != name.length()) {
            return Optional.empty();
        }
        if (read.length() > family.length() && read.startsWith(family)) {
            return Optional.of(new Parts(name.substring(0, family.length()), name.substring(family.length())));
        }
        if (read.length() > given.length() && read.endsWith(given)) {
            int cut = name.length() - given.length();
            return Optional.of(new Parts(name.substring(0, cut), name.substring(cut)));
        }
        return Optional.empty();
    }

    /** A name's family and given parts, neither blank. */
    public record Parts(String family, String given) {
    }

    /** The index of the first half- or full-width space, or -1. */
    public static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\u3000') {
                return i;
            }
        }
        return -1;
    }

    /** Hiragana read as katakana, one character for one (ぁ U+3041 … ゖ U+3096 → ァ … ヶ); everything else kept. */
    private static String reading(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= '\u3041' && c <= '\u3096' ? (char) (c + 0x60) : c);
        }
        return out.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
