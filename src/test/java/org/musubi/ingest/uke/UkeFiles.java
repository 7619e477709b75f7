package org.musubi.ingest.uke;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Synthetic UKE files written by the Musubi team from the 記録条件仕様 (医科, DPC, 調剤) for tests and the benchmark:
 * records as lines of comma-separated fields, numbered as the specification numbers them (field 1 the record type),
 * joined with CR LF and encoded in Shift_JIS (Windows-31J). The people are invented.
 */
public final class UkeFiles {

    public static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private final List<String> lines = new ArrayList<>();

    /** A 医科 (or DPC) file: IR with the 10-digit institution code (都道府県 + 点数表 1 + 7 digits), name, 請求年月. */
    public static UkeFiles medical(String institutionCode, String name, String claimMonth) {
        return new UkeFiles().header("IR", institutionCode, name, claimMonth);
    }

    /**
     * A 調剤 file: YK with the pharmacy's 10-digit code (点数表 4). YK has no 予備 field: 2 審査支払機関, 3 都道府県,
     * 4 点数表, 5 薬局コード, 6 薬局名称, 7 請求年月, 8 マルチボリューム識別情報, 9 電話番号.
     */
    public static UkeFiles pharmacy(String institutionCode, String name, String claimMonth) {
        return new UkeFiles().record("YK", "1", institutionCode.substring(0, 2), institutionCode.substring(2, 3),
                institutionCode.substring(3), name, claimMonth, "00", "082-000-0000");
    }

    /** IR: 2 審査支払機関, 3 都道府県, 4 点数表, 5 医療機関コード, 6 予備, 7 名称, 8 請求年月, 9 マルチボリューム, 10 電話番号. */
    private UkeFiles header(String type, String code, String name, String claimMonth) {
        return record(type, "1", code.substring(0, 2), code.substring(2, 3), code.substring(3), "", name, claimMonth, "00",
                "082-000-0000");
    }

    /** Any record, its fields from field 1 (the record type) on. */
    public UkeFiles record(String... fields) {
        lines.add(String.join(",", fields));
        return this;
    }

    /** Field {@code n} (1-based) of a record with {@code size} fields set from {@code values} (field → value). */
    static String[] fields(int size, Map<Integer, String> values) {
        String[] fields = new String[size];
        Arrays.fill(fields, "");
        values.forEach((n, v) -> fields[n - 1] = v);
        return fields;
    }

    /** 医科 RE (38 fields): レセプト番号, 種別, 診療年月, 氏名, 男女区分, 生年月日, カルテ番号等 (14), カタカナ氏名 (37). */
    public UkeFiles re(int number, String kind, String month, String name, String sex, String birth, String karte, String kana) {
        return record(fields(38, Map.of(1, "RE", 2, String.valueOf(number), 3, kind, 4, month, 5, name, 6, sex, 7, birth,
                14, karte == null ? "" : karte, 37, kana == null ? "" : kana)));
    }

    /**
     * 調剤 RE (42 fields): レセプト番号, 種別, 調剤年月, 氏名, 男女区分, 生年月日, the prescribing facility (10 都道府県,
     * 11 点数表, 12 医療機関コード, 13 名称) and 42 カタカナ氏名.
     */
    public UkeFiles pharmacyRe(int number, String kind, String month, String name, String sex, String birth, String kana) {
        String[] fields = fields(42, Map.of(1, "RE", 2, String.valueOf(number), 3, kind, 4, month, 5, name, 6, sex, 7, birth,
                10, "34", 11, "1", 12, "0000001"));
        fields[42 - 1] = kana == null ? "" : kana;
        return record(fields);
    }

    /** 調剤 SH (処方基本, 10 fields): 2 処方No, 3 剤形, 4 用法 (コード), 5 特別指示, 6 単位薬剤料. */
    public UkeFiles sh(String number, String form, String usage, String instruction) {
        return record(fields(10, Map.of(1, "SH", 2, number, 3, form, 4, usage, 5, instruction, 6, "12")));
    }

    /** 調剤 CZ (調剤情報, 71 fields): 2 医師No, 3 処方月日, 4 調剤月日, 5 処方箋受付回, 6 調剤数量, 7–11 薬剤調製料. */
    public UkeFiles cz(String prescribed, String dispensed, int quantity) {
        String[] fields = fields(71, Map.of(1, "CZ", 2, "1", 3, prescribed, 4, dispensed, 5, "1", 6, String.valueOf(quantity),
                7, "1", 8, "1", 9, "01", 10, "420001810"));
        fields[11 - 1] = "24";
        return record(fields);
    }

    /** 調剤 IY (医薬品, 10 fields): 2 負担区分, 3 医薬品コード, 4 使用量. */
    public UkeFiles pharmacyIy(String code, String amount) {
        return record(fields(10, Map.of(1, "IY", 2, "1", 3, code, 4, amount)));
    }

    /** 調剤 TO (特定器材, 7 fields): 2 負担区分, 3 特定器材コード, 4 使用量, 5 単位コード, 6 単価, 7 特定器材名称. */
    public UkeFiles pharmacyTo(String code, String amount, String name) {
        return record(fields(7, Map.of(1, "TO", 2, "1", 3, code, 4, amount, 7, name)));
    }

    /** 調剤 CO (コメント): 2 コメントコード, 3 文字データ. */
    public UkeFiles pharmacyCo(String code, String text) {
        return record("CO", code, text);
    }

    /** DPC SB (傷病): 2 傷病名コード, 3 修飾語コード, 4 傷病名称, 5 ICD10コード, 6 傷病名区分, 7 死因, 8 補足コメント. */
    public UkeFiles sb(String code, String modifiers, String name, String icd10, String role) {
        return record("SB", code, modifiers, name, icd10, role, "", "");
    }

    /** HO: 保険者番号, 記号, 番号, 診療実日数, 合計点数. */
    public UkeFiles ho(String insurer, String symbol, String number, int days, int points) {
        return record(fields(15, Map.of(1, "HO", 2, insurer, 3, symbol, 4, number, 5, String.valueOf(days),
                6, String.valueOf(points))));
    }

    /** SN (資格確認): 負担者種別 1, 確認区分 01, 保険者番号, 記号, 番号, 枝番. */
    public UkeFiles sn(String insurer, String symbol, String number, String branch) {
        return record(fields(9, Map.of(1, "SN", 2, "1", 3, "01", 4, insurer, 5, symbol, 6, number, 7, branch)));
    }

    /** KO: 公費負担者番号, 公費受給者番号, 診療実日数, 合計点数. */
    public UkeFiles ko(String payer, String recipient, int days, int points) {
        return record(fields(12, Map.of(1, "KO", 2, payer, 3, recipient, 5, String.valueOf(days), 6, String.valueOf(points))));
    }

    /** SY: 傷病名コード, 診療開始日, 転帰区分, 修飾語コード, 傷病名称, 主傷病, 補足コメント. */
    public UkeFiles sy(String code, String start, String outcome, String modifiers, String name, String main, String note) {
        return record("SY", code, start, outcome, modifiers, name, main, note);
    }

    /** SI or IY (44 fields): 診療識別, 負担区分, code, 数量/使用量, 点数, 回数, days (day → count). */
    public UkeFiles item(String type, String category, String code, String amount, int points, int count,
                         Map<Integer, Integer> days) {
        String[] fields = fields(44, Map.of(1, type, 2, category, 3, "1", 4, code, 5, amount, 6, String.valueOf(points),
                7, String.valueOf(count)));
        days.forEach((day, times) -> fields[14 + day - 2] = String.valueOf(times));
        return record(fields);
    }

    /**
     * SI or IY (44 fields) as {@link #item}, with a 点数 only when {@code points} is given (the 記録条件仕様 writes it on
     * the last record of a 剤 alone) and the item's own comments (field 8 on: コメントコード, 文字データ in pairs, up to
     * three).
     */
    public UkeFiles item(String type, String category, String code, String amount, Integer points, int count,
                         Map<Integer, Integer> days, String... comments) {
        String[] fields = fields(44, Map.of(1, type, 2, category, 3, "1", 4, code, 5, amount,
                6, points == null ? "" : String.valueOf(points), 7, String.valueOf(count)));
        for (int i = 0; i < comments.length; i++) {
            fields[8 + i - 1] = comments[i];
        }
        days.forEach((day, times) -> fields[14 + day - 2] = String.valueOf(times));
        return record(fields);
    }

    /** TO (48 fields): 診療識別, 負担区分, 特定器材コード, 使用量, 点数, 回数, 商品名 (11), days from field 18. */
    public UkeFiles to(String category, String code, String amount, int points, int count, String product,
                       Map<Integer, Integer> days) {
        String[] fields = fields(48, Map.of(1, "TO", 2, category, 3, "1", 4, code, 5, amount, 6, String.valueOf(points),
                7, String.valueOf(count), 11, product));
        days.forEach((day, times) -> fields[18 + day - 2] = String.valueOf(times));
        return record(fields);
    }

    /** CO: 診療識別, 負担区分, コメントコード, 文字データ. */
    public UkeFiles co(String category, String code, String text) {
        return record("CO", category, "1", code, text);
    }

    public UkeFiles go(int receipts, int points) {
        return record("GO", String.valueOf(receipts), String.valueOf(points), "99");
    }

    /**
     * A clinic's month: a receipt for each of {@code patients} patients (カルテ番号 {@code K<n>}): two diagnoses, 再診 on
     * one or two days, a test, 28 days of one drug with a comment; 9 records each. Claimed the month after.
     */
    public static byte[] clinicMonth(String institutionCode, int patients, int year, int month) {
        String ym = String.format("%04d%02d", year, month);
        String claim = month == 12 ? String.format("%04d01", year + 1) : String.format("%04d%02d", year, month + 1);
        UkeFiles file = medical(institutionCode, "ベンチ診療所", claim);
        for (int p = 0; p < patients; p++) {
            int first = 1 + p % 27;
            String insurer = String.format("0634%04d", p % 100);
            file.re(p + 1, "1112", ym, "試験　" + p, String.valueOf(1 + p % 2), String.format("%04d0101", 1930 + p % 80),
                            "K" + p, "ｼｹﾝ " + p)
                    .ho(insurer, "記号", String.valueOf(100_000 + p), 2, 700)
                    .sn(insurer, "記号", String.valueOf(100_000 + p), "01")
                    .sy("8841934", "20200401", "1", "", "高血圧症", "01", "")
                    .sy("0000999", "20200401", "1", "8002", "脂質異常症", "", "")
                    .item("SI", "12", "112007410", "", 73, 2, Map.of(first, 1, first + 1, 1))
                    .item("SI", "60", "160000410", "", 11, 1, Map.of(first, 1))
                    .item("IY", "21", "610406079", "1", 5, 28, Map.of(first, 28))
                    .co("", "", "朝食後");
        }
        return file.go(patients, patients * 700).bytes();
    }

    /**
     * An eye clinic's April (claimed in May), its trailer left to the caller: comments in every place a receipt computer
     * writes them (numbered 1–9), on a receipt of one patient.
     */
    public static UkeFiles eyeClinicApril(String institutionCode, String karte, String name, String kana, String birth) {
        return medical(institutionCode, "むすび眼科", "202405")
                .re(1, "1112", "202404", name, "2", birth, karte, kana)
                .ho("06340001", "記号", "５６", 1, 900)
                .sy("3659001", "20240401", "1", "", "", "01", "")
                .co("99", "820100001", "")                                        // 1 the whole receipt
                .item("SI", "12", "112007410", "", 73, 1, Map.of(1, 1))
                .item("IY", "21", "620008901", "1", 8, 14, Map.of(1, 14))        // ジアゼパム (セルシン)
                .co("23", "840000001", "5")                                       // 2 before its 点眼: 「１日５回点眼」
                .item("IY", "23", "620004401", "1", 30, 1, Map.of(1, 1))          // 点眼液
                .co("23", "810000001", "右眼")                                    // 3 before the next 23 剤
                .item("IY", "23", "620004401", "1", 30, 1, Map.of(1, 1))
                .item("SI", "25", "120000710", "", 42, 1, Map.of(1, 1))           // 処方料
                .co("22", "810000001", "疼痛時")                                  // 4 before its 屯服
                .item("IY", "22", "620098801", "1", 2, 10, Map.of(1, 10))         // ロキソプロフェン
                .item("IY", "21", "610406079", "1", null, 14, Map.of(1, 14),
                        "810000001", "粉砕")                                      // 5 in the item's own fields
                .co("21", "810000001", "１日１回朝食後")                          // 6 inside the 剤 of two drugs
                .item("IY", "", "620000001", "2", 15, 14, Map.of(1, 14))          //   …which this one closes
                .co("", "810000001", "食直後")                                    // 7 no 診療識別: the next 21 剤's
                .item("IY", "21", "620002301", "1", 12, 28, Map.of(1, 28))
                .item("SI", "40", "140000610", "", 25, 1, Map.of(1, 1))           // 眼処置
                .co("40", "831000001", "2057")                                    // 8 after its 処置 (部位 右)
                .co("40", "850000001", "5060320")                                 // 9 …and the 前回実施年月日
                .item("IY", "21", "610406079", "1", 5, 7, Map.of(15, 7));
    }

    public String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    public byte[] bytes() {
        return text().getBytes(SHIFT_JIS);
    }
}
