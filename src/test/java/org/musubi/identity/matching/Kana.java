package org.musubi.identity.matching;

import java.text.Normalizer;
import java.util.SplittableRandom;

/** Ways facilities write the same kana and address differently, for {@link Corruptions}. */
final class Kana {

    private static final String FULL = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
    private static final String HALF = "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
    private static final String O_ROW = "オコゴソゾトドノホボポモヨロョ";
    private static final String E_ROW = "エケゲセゼテデネヘベペメレ";

    private Kana() {
    }

    /** Half-width katakana, hiragana, or full-width with a space inside, at random. */
    static String otherWidth(String katakana, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> halfWidth(katakana);
            case 1 -> hiragana(katakana);
            default -> katakana.charAt(0) + "　" + katakana.substring(1);
        };
    }

    static String halfWidth(String katakana) {
        StringBuilder out = new StringBuilder();
        for (char c : Normalizer.normalize(katakana, Normalizer.Form.NFD).toCharArray()) {
            int at = FULL.indexOf(c);
            out.append(c == '\u3099' ? 'ﾞ' : c == '\u309A' ? 'ﾟ' : at >= 0 ? HALF.charAt(at) : c);
        }
        return out.toString();
    }

    static String hiragana(String katakana) {
        StringBuilder out = new StringBuilder();
        for (char c : katakana.toCharArray()) {
            out.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - ('ァ' - 'ぁ')) : c);
        }
        return out.toString();
    }

    /** The first long vowel written with ー: サトウ → サトー, オオタ → オータ, ケイコ → ケーコ. */
    static String longVowelMark(String katakana) {
        for (int i = 1; i < katakana.length(); i++) {
            char c = katakana.charAt(i);
            char previous = katakana.charAt(i - 1);
            if ((c == 'ウ' || c == 'オ') && O_ROW.indexOf(previous) >= 0 || c == 'イ' && E_ROW.indexOf(previous) >= 0
                    || c == 'ウ' && "ユュウクスツフムル".indexOf(previous) >= 0) {
                return katakana.substring(0, i) + 'ー' + katakana.substring(i + 1);
            }
        }
        return katakana;
    }

    /** The same address without prefecture, in hyphens and full-width digits: 広島市中区若葉町１－２－３. */
    static String addressStyle(String address) {
        String shortened = address.replaceFirst("^.{2,3}?[都道府県]", "").replace("丁目", "-").replace("番", "-").replace("号", "");
        StringBuilder out = new StringBuilder();
        for (char c : shortened.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '-' ? '－' : c);
        }
        return out.toString();
    }
}
