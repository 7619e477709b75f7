package org.musubi.synth;

import java.text.Normalizer;
import java.util.SplittableRandom;

/** Other ways facilities write the same kana, kanji and address, for {@link SourceRecordCorruptions}. */
final class Spellings {

    private static final String FULL = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
    private static final String HALF = "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
    private static final String O_ROW = "オコゴソゾトドノホボポモヨロョ";
    private static final String E_ROW = "エケゲセゼテデネヘベペメレ";
    private static final String U_BEFORE_U = "ユュウクスツフムル";
    /** Families of interchangeable kanji, the standard form first. */
    private static final String[] KANJI_FAMILIES = {"高髙", "崎﨑", "辺邊邉", "斎齋", "浜濱", "広廣", "沢澤", "島嶋", "吉𠮷"};

    private Spellings() {
    }

    /** Half-width katakana, hiragana, or full-width with an ideographic space inside, at random. */
    static String otherWidth(String katakana, SplittableRandom random) {
        if (katakana == null || katakana.isEmpty()) {
            return katakana;
        }
        return switch (random.nextInt(3)) {
            case 0 -> halfWidth(katakana);
            case 1 -> hiragana(katakana);
            default -> katakana.length() < 2 ? katakana : katakana.charAt(0) + "　" + katakana.substring(1);
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
        if (katakana == null) {
            return null;
        }
        for (int i = 1; i < katakana.length(); i++) {
            char c = katakana.charAt(i);
            char previous = katakana.charAt(i - 1);
            if ((c == 'ウ' || c == 'オ') && O_ROW.indexOf(previous) >= 0 || c == 'イ' && E_ROW.indexOf(previous) >= 0
                    || c == 'ウ' && U_BEFORE_U.indexOf(previous) >= 0) {
                return katakana.substring(0, i) + 'ー' + katakana.substring(i + 1);
            }
        }
        return katakana;
    }

    /** The first kanji that has other forms, written in another of them: 高橋 → 髙橋, 渡邊 → 渡辺 or 渡邉. */
    static String kanjiVariant(String kanji, SplittableRandom random) {
        if (kanji == null) {
            return null;
        }
        for (int i = 0; i < kanji.length(); i += Character.charCount(kanji.codePointAt(i))) {
            int c = kanji.codePointAt(i);
            for (String family : KANJI_FAMILIES) {
                if (family.indexOf(c) >= 0) {
                    int[] others = family.codePoints().filter(f -> f != c).toArray();
                    return kanji.substring(0, i) + Character.toString(others[random.nextInt(others.length)])
                            + kanji.substring(i + Character.charCount(c));
                }
            }
        }
        return kanji;
    }

    /** The same address without prefecture, in hyphens and full-width digits: 広島市中区若葉町１－２－３. */
    static String addressStyle(String address) {
        if (address == null) {
            return null;
        }
        String shortened = address.replaceFirst("^.{2,3}?[都道府県]", "").replace("丁目", "-").replace("番", "-").replace("号", "");
        StringBuilder out = new StringBuilder();
        for (char c : shortened.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '-' ? '－' : c);
        }
        return out.toString();
    }
}
