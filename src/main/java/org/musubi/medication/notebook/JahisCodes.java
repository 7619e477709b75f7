package org.musubi.medication.notebook;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The JAHIS TC code tables the reader checks against (JAHIS 電子版お薬手帳データフォーマット Ver.2.6, 別表 and
 * record remarks, as summarised in STANDARDS.md §2 and jahis-rx-parser {@code docs/jahis-tc/jahis-tc-codes.md}).
 */
public final class JahisCodes {

    public static final Set<String> SEX = Set.of("1", "2");
    public static final Set<String> NOTE_TYPES = Set.of("1", "2", "3", "9");
    public static final Set<String> DRUG_CODE_TYPES = Set.of("1", "2", "3", "4", "6");
    public static final Set<String> CODED_DRUG_TYPES = Set.of("2", "3", "4", "6");
    public static final Set<String> NONE_OR_CODE = Set.of("1", "2");
    public static final Set<String> INFO_TYPES = Set.of("30", "31", "99");
    public static final Set<String> DISPENSING_FEE_TABLES = Set.of("1", "3", "4");
    public static final Set<String> PRESCRIBING_FEE_TABLES = Set.of("1", "3");
    public static final Set<String> PREFECTURES = IntStream.rangeClosed(1, 47).mapToObj(n -> String.format("%02d", n))
            .collect(Collectors.toUnmodifiableSet());

    /** 別表4 剤形コード (dosage form). */
    public static final Map<String, String> DOSAGE_FORMS = Map.of("1", "内服", "2", "内滴", "3", "屯服", "4", "注射",
            "5", "外用", "6", "浸煎", "7", "湯", "9", "材料", "10", "その他");

    /** Forms whose 201 dose is a daily amount (内服, 浸煎, 湯: 1日量); 屯服 gives one dose, the others the total. */
    public static final Set<String> DAILY_DOSE_FORMS = Set.of("1", "6", "7");
    public static final String AS_NEEDED_FORM = "3";
    public static final String DAYS_UNIT = "日分";

    private JahisCodes() {
    }
}
