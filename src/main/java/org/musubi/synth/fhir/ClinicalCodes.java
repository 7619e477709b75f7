package org.musubi.synth.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The code tables of synthetic records: diagnoses (ICD-10 with invented MEDIS-style codes: a
 * 7-digit receipt-style code, an 8-digit 病名管理番号 key and a 4-character 交換用コード), drugs
 * and injections (YJ-style codes; their format is real, the codes are not checked against the drug
 * master), laboratory tests (JLAC10) and vital signs (LOINC), with the units and value ranges a
 * chart would show. Shared by the FHIR records and the facility source files
 * ({@code synth.sources}).
 */
public final class ClinicalCodes {

    static final String MEDIS_DISEASE = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MDCDX2";

    /** A chronic diagnosis with the drugs and laboratory tests that follow it. */
    public record Diagnosis(String icd10, String medis, String medisKey, String exchangeCode, String name,
                            List<Drug> drugs, List<Lab> labs) {
    }

    /** An oral drug: YJ code, name, dosage text ({@code 1回1錠 1日2回 朝夕食後}), tablets a day. */
    public record Drug(String yj, String name, String dose, int perDay) {
    }

    /** A laboratory test: JLAC10 code, name, UCUM unit, the value range drawn from, and decimals. */
    public record Lab(String jlac10, String name, String unit, double low, double high, int decimals) {

        /** The upper end of the reference range: 60 % of the way from the lowest value drawn. */
        public double referenceHigh() {
            return low + (high - low) * 0.6;
        }

        /** A result near the patient's own baseline, within the range drawn from. */
        public double around(double baseline, SplittableRandom random) {
            double spread = (high - low) / 10;
            return Math.clamp(baseline + (random.nextDouble() * 2 - 1) * spread, low, high);
        }

        /** The JLAC10 specimen part (characters 10–12), e.g. {@code 023} serum. */
        public String specimen() {
            return jlac10.substring(9, 12);
        }
    }

    /** An acute diagnosis seen at one visit. */
    public record Acute(String icd10, String medis, String medisKey, String exchangeCode, String name) {
    }

    /** A drug given in hospital by drip or injection: YJ code, name, amount and its MERIT-9 unit. */
    public record Injection(String yj, String name, String amount, String unitCode, String unitName) {
    }

    static final Lab HBA1C = new Lab("3D046000001920402", "HbA1c(NGSP)", "%", 5.2, 9.5, 1);
    static final Lab GLUCOSE = new Lab("3D010000001926101", "グルコース", "mg/dL", 80, 220, 0);
    static final Lab LDL = new Lab("3F077000002327101", "LDLコレステロール", "mg/dL", 60, 200, 0);
    static final Lab HDL = new Lab("3F070000002327101", "HDLコレステロール", "mg/dL", 30, 90, 0);
    static final Lab TG = new Lab("3F015000002327101", "中性脂肪", "mg/dL", 50, 400, 0);
    static final Lab CREATININE = new Lab("3C015000002327101", "クレアチニン", "mg/dL", 0.5, 2.5, 2);
    static final Lab EGFR = new Lab("8A065000002391901", "eGFR", "mL/min/{1.73_m2}", 20, 100, 1);
    static final Lab AST = new Lab("3B035000002327201", "AST", "U/L", 12, 60, 0);
    static final Lab ALT = new Lab("3B045000002327201", "ALT", "U/L", 8, 70, 0);

    /** Tested at every laboratory visit, whatever the diagnoses. */
    public static final List<Lab> BASIC_PANEL = List.of(AST, ALT, CREATININE, EGFR);

    public static final List<Diagnosis> CHRONIC = List.of(
            new Diagnosis("E11.9", "8846982", "20063712", "KQ4M", "2型糖尿病",
                    List.of(new Drug("3962002F1010", "メトホルミン塩酸塩錠250mg", "1回1錠 1日2回 朝夕食後", 2),
                            new Drug("3969010F1020", "シタグリプチン錠50mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(HBA1C, GLUCOSE, CREATININE, EGFR)),
            new Diagnosis("I10", "8833421", "20057125", "HT7B", "本態性高血圧症",
                    List.of(new Drug("2171022F1020", "アムロジピン錠5mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)),
            new Diagnosis("E78.5", "8846421", "20061448", "LP2R", "脂質異常症",
                    List.of(new Drug("2189015F1024", "アトルバスタチン錠10mg", "1回1錠 1日1回 夕食後", 1)),
                    List.of(LDL, HDL, TG, AST, ALT)),
            new Diagnosis("N18.3", "8849330", "20068837", "CK3N", "慢性腎臓病ステージ3",
                    List.of(new Drug("2149039F1028", "テルミサルタン錠40mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)),
            new Diagnosis("M81.9", "8840112", "20052290", "OS9X", "骨粗鬆症",
                    List.of(new Drug("3999019F1023", "アレンドロン酸錠35mg", "1回1錠 週1回 起床時", 1)),
                    List.of()),
            new Diagnosis("K21.9", "8836711", "20065503", "GR5D", "胃食道逆流症",
                    List.of(new Drug("2329028F1029", "ランソプラゾール口腔内崩壊錠15mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(AST, ALT)),
            new Diagnosis("I48.9", "8833822", "20059961", "AF8V", "心房細動",
                    List.of(new Drug("3339003F1020", "エドキサバン錠30mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)));

    public static final List<Acute> ACUTE = List.of(
            new Acute("J06.9", "8848702", "20060127", "UR6C", "急性上気道炎"),
            new Acute("J20.9", "8842077", "20053384", "BR2K", "急性気管支炎"),
            new Acute("A09", "8831029", "20050716", "GE1T", "感染性胃腸炎"),
            new Acute("M54.5", "8840378", "20066259", "LB5W", "腰痛症"),
            new Acute("L30.9", "8838513", "20058840", "EC3H", "湿疹"));

    /** Drips and injections of a hospital stay. */
    public static final List<Injection> INJECTIONS = List.of(
            new Injection("3319550A1000", "維持液（3号）500mL", "500", "ML", "mL"),
            new Injection("3311401A1000", "生理食塩液100mL", "100", "ML", "mL"),
            new Injection("6132400A1000", "セファゾリンナトリウム注射用1g", "1", "VIL", "バイアル"),
            new Injection("1141400A1000", "アセトアミノフェン静注液1000mg", "1", "BAG", "袋"),
            new Injection("2325400A1000", "ファモチジン注射液20mg", "1", "AMP", "アンプル"));

    /** One to three chronic diagnoses, all different, drawn from {@link #CHRONIC}. */
    public static List<Diagnosis> drawChronic(SplittableRandom random) {
        List<Diagnosis> all = new ArrayList<>(CHRONIC);
        List<Diagnosis> drawn = new ArrayList<>();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            drawn.add(all.remove(random.nextInt(all.size())));
        }
        return drawn;
    }

    /** Vital signs: LOINC code, display, UCUM unit, value range. */
    record Vital(String loinc, String name, String unit, double low, double high, int decimals) {
    }

    static final Vital SYSTOLIC = new Vital("8480-6", "収縮期血圧", "mm[Hg]", 105, 165, 0);
    static final Vital DIASTOLIC = new Vital("8462-4", "拡張期血圧", "mm[Hg]", 60, 100, 0);
    static final Vital WEIGHT = new Vital("29463-7", "体重", "kg", 38, 95, 1);
    static final Vital PULSE = new Vital("8867-4", "脈拍", "/min", 55, 100, 0);
    static final Vital TEMPERATURE = new Vital("8310-5", "体温", "Cel", 35.8, 37.6, 1);

    private ClinicalCodes() {
    }
}
