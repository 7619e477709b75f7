package org.musubi.identity.matching.normalize;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Normalises a kanji name so that old, variant and compatibility forms of a character compare
 * equal: NFKC (which also folds CJK compatibility ideographs that have a canonical twin), then
 * each character in the table below becomes its standard form (髙→高, 﨑→崎, 邊/邉→辺, 澤→沢 …),
 * 々 repeats the previous character (佐々木 = 佐佐木), and spaces of any width are removed.
 *
 * <p>The 斎 family (斎, 齋, 斉, 齊) all become 斉. Strictly 斎 and 斉 are different characters, but
 * facilities confuse them so often in サイトウ that telling them apart would cost more true links
 * than it saves; the kana reading must still agree.
 */
public final class KanjiNormalizer {

    /** Pairs of variant → standard, one pair per two code points. */
    private static final String VARIANTS = """
            髙高 﨑崎 嵜崎 𥔎崎 碕崎 邊辺 邉辺 濱浜 濵浜 齋斉 齊斉 斎斉 澤沢 櫻桜 廣広 國国 德徳 眞真 實実 惠恵
            龍竜 瀨瀬 冨富 嶋島 嶌島 槇槙 萬万 條条 藏蔵 戶戸 𠮷吉 淵渕 渊渕 舘館 峯峰 嶽岳 亞亜 榮栄 圓円 學学
            關関 壽寿 莊荘 靜静 淺浅 傳伝 黑黒 來来 禮礼 曾曽 增増 賴頼 靑青 淸清 兒児 埜野 彌弥 穗穂 豐豊 與与
            寶宝 寳宝 邨村 槗橋 檜桧 巖巌 溪渓 瀧滝 龜亀 會会 縣県 澁渋 驛駅 鷗鴎 蘆芦 晉晋
            """;
    private static final int[] FROM;
    private static final int[] TO;

    static {
        int[] points = VARIANTS.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        int[][] pairs = new int[points.length / 2][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new int[] {points[2 * i], points[2 * i + 1]};
        }
        Arrays.sort(pairs, (a, b) -> Integer.compare(a[0], b[0]));
        FROM = Arrays.stream(pairs).mapToInt(p -> p[0]).toArray();
        TO = Arrays.stream(pairs).mapToInt(p -> p[1]).toArray();
    }

    private KanjiNormalizer() {
    }

    public static String normalize(String kanji) {
        if (kanji == null || kanji.isEmpty()) {
            return "";
        }
        String text = Normalizer.normalize(kanji, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        int previous = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (c == '々' && previous >= 0) {
                c = previous;
            }
            int standard = standard(c);
            out.appendCodePoint(standard);
            previous = standard;
        }
        return out.toString();
    }

    /** The standard form of one character: itself unless the table lists it as a variant. */
    public static int standard(int codePoint) {
        int at = Arrays.binarySearch(FROM, codePoint);
        return at >= 0 ? TO[at] : codePoint;
    }
}
