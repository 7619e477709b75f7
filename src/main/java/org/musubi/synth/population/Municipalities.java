package org.musubi.synth.population;

import java.util.ArrayList;
import java.util.List;
import org.musubi.registry.places.Prefectures;

/**
 * Municipalities per prefecture. 広島県 (34) has its real cities and wards with their postal
 * prefixes and area codes; other prefectures get invented municipality names with postal
 * prefixes from the prefecture's real postal region and a generic area code.
 */
public final class Municipalities {

    public static final int HIROSHIMA = 34;

    /** First two postal-code digits of each prefecture's main postal region, by prefecture number. */
    private static final int[] POSTAL_HEADS = {
        6, 3, 2, 98, 1, 99, 96, 31, 32, 37, 33, 26, 10, 23, 95, 93, 92, 91, 40, 38, 50, 42, 46, 51,
        52, 60, 53, 65, 63, 64, 68, 69, 70, 73, 75, 77, 76, 79, 78, 81, 84, 85, 86, 87, 88, 89, 90};

    private static final String HIROSHIMA_TABLE = """
            広島市中区 広島市 ヒロシマシ 広島 ヒロシマ 730 082 14
            広島市東区 広島市 ヒロシマシ 広島 ヒロシマ 732 082 12
            広島市南区 広島市 ヒロシマシ 広島 ヒロシマ 734 082 14
            広島市西区 広島市 ヒロシマシ 広島 ヒロシマ 733 082 19
            広島市安佐南区 広島市 ヒロシマシ 安佐 アサ 731 082 24
            広島市安佐北区 広島市 ヒロシマシ 安佐 アサ 739 082 14
            広島市安芸区 広島市 ヒロシマシ 安芸 アキ 736 082 8
            広島市佐伯区 広島市 ヒロシマシ 佐伯 サエキ 731 082 14
            呉市 呉市 クレシ 呉 クレ 737 0823 21
            竹原市 竹原市 タケハラシ 竹原 タケハラ 725 0846 2
            三原市 三原市 ミハラシ 三原 ミハラ 723 0848 9
            尾道市 尾道市 オノミチシ 尾道 オノミチ 722 0848 13
            福山市 福山市 フクヤマシ 福山 フクヤマ 720 084 46
            府中市 府中市 フチュウシ 府中 フチュウ 726 0847 4
            三次市 三次市 ミヨシシ 三次 ミヨシ 728 0824 5
            庄原市 庄原市 ショウバラシ 庄原 ショウバラ 727 0824 3
            大竹市 大竹市 オオタケシ 大竹 オオタケ 739 0827 3
            東広島市 東広島市 ヒガシヒロシマシ 東広島 ヒガシヒロシマ 739 082 19
            廿日市市 廿日市市 ハツカイチシ 廿日市 ハツカイチ 738 0829 11
            安芸高田市 安芸高田市 アキタカタシ 安芸高田 アキタカタ 731 0826 3
            江田島市 江田島市 エタジマシ 江田島 エタジマ 737 0823 2
            安芸郡府中町 府中町 フチュウチョウ 府中 フチュウ 735 082 5
            安芸郡海田町 海田町 カイタチョウ 海田 カイタ 736 082 3
            世羅郡世羅町 世羅町 セラチョウ 世羅 セラ 722 0847 2
            """;

    private static final String GENERIC_TABLE = """
            北山市 北山市 キタヤマシ 北山 キタヤマ 0 20
            南川市 南川市 ミナミカワシ 南川 ミナミカワ 1 15
            東野市 東野市 ヒガシノシ 東野 ヒガシノ 2 10
            西浜市 西浜市 ニシハマシ 西浜 ニシハマ 3 8
            緑原市 緑原市 ミドリハラシ 緑原 ミドリハラ 4 6
            青葉郡若松町 若松町 ワカマツチョウ 若松 ワカマツ 5 3
            """;

    private Municipalities() {
    }

    static String prefectureName(int prefecture) {
        return Prefectures.name(prefecture);
    }

    static List<Municipality> of(int prefecture) {
        requireValid(prefecture);
        if (prefecture == HIROSHIMA) {
            return rows(HIROSHIMA_TABLE).stream().map(Municipalities::hiroshima).toList();
        }
        return rows(GENERIC_TABLE).stream().map(row -> generic(row, prefecture)).toList();
    }

    private static Municipality hiroshima(String[] row) {
        return new Municipality(row[0], new Reading(row[1], row[2]), new Reading(row[3], row[4]),
                row[5], row[6], Integer.parseInt(row[7]));
    }

    private static Municipality generic(String[] row, int prefecture) {
        int offset = Integer.parseInt(row[5]);
        String postalPrefix = "%02d%d".formatted(POSTAL_HEADS[prefecture - 1], offset);
        String areaCode = "0%d%d".formatted(2 + prefecture % 8, offset + 2);
        return new Municipality(row[0], new Reading(row[1], row[2]), new Reading(row[3], row[4]),
                postalPrefix, areaCode, Integer.parseInt(row[6]));
    }

    private static List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        table.lines().map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> rows.add(line.split("\\s+")));
        return rows;
    }

    private static void requireValid(int prefecture) {
        if (prefecture < 1 || prefecture > 47) {
            throw new IllegalArgumentException("prefecture must be 1–47: " + prefecture);
        }
    }
}
