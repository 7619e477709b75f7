package org.musubi.ingest.jahis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small JAHIS TC texts written for the tests (not the shared samples), as lines. */
final class Notebooks {

    static final String HEADER = "JAHISTC08,1";
    static final String PATIENT = "1,山田 花子,2,S330303,105-0004,東京都港区新橋1-2-3,03-1234-5678,,,,ヤマダ ハナコ";

    private Notebooks() {
    }

    /** A dispensing on 令和8年3月10日: amlodipine for 14 days and paracetamol as needed, 5 doses. */
    static List<String> amlodipineBlock() {
        return List.of("5,R080310,1",
                "11,みなと薬局,13,4,1234567,105-0001,東京都港区虎ノ門1-1-1,03-0000-0000,1",
                "15,薬剤師 一郎,03-0000-0000,1",
                "51,みなと内科クリニック,13,1,7654321,1",
                "55,内科 太郎,内科,1",
                "201,1,アムロジピン錠５ｍｇ「サワイ」,1,錠,4,2171022F1039,1,【般】アムロジピン錠５ｍｇ,2,2171022F1ZZZ",
                "301,1,１日１回朝食後服用,14,日分,1,2,1013041400000000,1",
                "201,2,カロナール錠２００,2,錠,6,110626901,1",
                "281,2,発熱時，１回２錠,1",
                "301,2,発熱時,5,回分,3,1,,1",
                "391,2,６時間以上あけてください,1",
                "401,他の薬と一緒に飲むときは相談してください,1");
    }

    /** A dispensing on 2026-02-01 at another pharmacy: an ointment, no prescriber record. */
    static List<String> ointmentBlock() {
        return List.of("5,20260201,1",
                "11,しんばし薬局,13,4,2345678,,,,1",
                "201,1,ヒルドイドソフト軟膏０．３％,25,g,1,,1",
                "301,1,１日２回患部に塗布,1,調剤,5,1,,1");
    }

    /** Header, patient, a note, then the given blocks. */
    static String[] notebook(List<List<String>> blocks) {
        List<String> lines = new ArrayList<>(List.of(HEADER, PATIENT, "2,1,ペニシリン系,1"));
        blocks.forEach(lines::addAll);
        return lines.toArray(String[]::new);
    }

    @SafeVarargs
    static String[] notebook(List<String>... blocks) {
        return notebook(Arrays.asList(blocks));
    }

    /** {@code lines} with line {@code index} (0-based) replaced. */
    static String[] replaced(String[] lines, int index, String line) {
        String[] copy = lines.clone();
        copy[index] = line;
        return copy;
    }
}
