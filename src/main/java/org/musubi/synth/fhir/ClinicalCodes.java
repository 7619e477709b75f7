package org.musubi.synth.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.musubi.identity.Sex;
import org.musubi.record.fhir.observation.VitalSign;

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

    /**
     * An oral drug: YJ code, name, dosage text ({@code 1回1錠 1日2回 朝夕食後}), tablets a day (a dose for a weekly
     * drug, {@code 週1回}).
     */
    public record Drug(String yj, String name, String dose, int perDay) {

        public boolean weekly() {
            return dose.contains("週1回");
        }

        /** Tablets of a prescription of {@code days} days: a day's tablets every day, or a dose every week. */
        public int tablets(int days) {
            return perDay * (weekly() ? Math.max(1, days / 7) : days);
        }
    }

    /**
     * A laboratory test: JLAC10 code, name, UCUM unit, the range a patient's own baseline is drawn from, decimals, and
     * the reference ranges of men and of women.
     */
    public record Lab(String jlac10, String name, String unit, double low, double high, int decimals, Range male,
                      Range female) {

        /** The reference range for {@code sex}: women's for women, else men's (the common one where they agree). */
        public Range reference(Sex sex) {
            return sex == Sex.FEMALE ? female : male;
        }

        /** A result near the patient's own baseline, within the range drawn from. */
        public double around(double baseline, SplittableRandom random) {
            double spread = (high - low) / 10;
            return Math.clamp(baseline + (random.nextDouble() * 2 - 1) * spread, low, high);
        }

        /** {@code value} rounded to the test's decimals, as it is reported and flagged. */
        public double rounded(double value) {
            return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
        }

        /** The JLAC10 specimen part (characters 10–12), e.g. {@code 023} serum. */
        public String specimen() {
            return jlac10.substring(9, 12);
        }
    }

    /**
     * A reference range as a lab reports it, the same for every patient of that sex at every facility: the common
     * reference ranges of Japanese labs (JCCLS 共用基準範囲); {@code high} null for a lower limit only (eGFR).
     */
    public record Range(double low, Double high) {

        static Range of(double low, double high) {
            return new Range(low, high);
        }

        /** {@code H} above, {@code L} below, null within the range, for a value as reported. */
        public String flag(double reported) {
            return high != null && reported > high ? "H" : reported < low ? "L" : null;
        }

        /** The range as OBX-7 writes it: {@code 4.9-6.0}, or {@code >=60.0} with no upper limit. */
        public String text(int decimals) {
            return high == null ? ">=" + decimal(low, decimals) : decimal(low, decimals) + "-" + decimal(high, decimals);
        }

        private static String decimal(double value, int decimals) {
            return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
    }

    /** An acute diagnosis seen at one visit. */
    public record Acute(String icd10, String medis, String medisKey, String exchangeCode, String name) {
    }

    /** A drug given in hospital by drip or injection: YJ code, name, amount and its MERIT-9 unit. */
    public record Injection(String yj, String name, String amount, String unitCode, String unitName) {
    }

    static final Lab HBA1C = new Lab("3D046000001920402", "HbA1c(NGSP)", "%", 6.2, 8.8, 1, Range.of(4.9, 6.0),
            Range.of(4.9, 6.0));
    static final Lab GLUCOSE = new Lab("3D010000001926101", "グルコース", "mg/dL", 100, 200, 0, Range.of(73, 109),
            Range.of(73, 109));
    static final Lab LDL = new Lab("3F077000002327101", "LDLコレステロール", "mg/dL", 70, 170, 0, Range.of(65, 163),
            Range.of(65, 163));
    static final Lab HDL = new Lab("3F070000002327101", "HDLコレステロール", "mg/dL", 36, 80, 0, Range.of(38, 90),
            Range.of(48, 103));
    static final Lab TG = new Lab("3F015000002327101", "中性脂肪", "mg/dL", 60, 280, 0, Range.of(40, 234),
            Range.of(30, 117));
    /** Creatinine and eGFR: {@code sources.care.Kidneys} derives both from the patient's own kidney function. */
    public static final Lab CREATININE = new Lab("3C015000002327101", "クレアチニン", "mg/dL", 0.5, 2.5, 2,
            Range.of(0.65, 1.07), Range.of(0.46, 0.79));
    public static final Lab EGFR = new Lab("8A065000002391901", "eGFR", "mL/min/{1.73_m2}", 30, 100, 1,
            new Range(60, null), new Range(60, null));
    public static final Lab AST = new Lab("3B035000002327201", "AST", "U/L", 12, 45, 0, Range.of(13, 30), Range.of(13, 30));
    public static final Lab ALT = new Lab("3B045000002327201", "ALT", "U/L", 6, 55, 0, Range.of(10, 42), Range.of(7, 23));

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

    private static final List<Acute> CHILDREN_ACUTE = ACUTE.stream().filter(a -> !a.icd10().startsWith("M")).toList();

    /** The youngest age each chronic diagnosis is drawn at (osteoporosis: women's). */
    private static final Map<String, Integer> FROM_AGE = Map.of("E11.9", 30, "I10", 30, "E78.5", 20, "N18.3", 50,
            "M81.9", 50, "K21.9", 15, "I48.9", 50);

    /** Drips and injections of a hospital stay. */
    public static final List<Injection> INJECTIONS = List.of(
            new Injection("3319550A1000", "維持液（3号）500mL", "500", "ML", "mL"),
            new Injection("3311401A1000", "生理食塩液100mL", "100", "ML", "mL"),
            new Injection("6132400A1000", "セファゾリンナトリウム注射用1g", "1", "VIL", "バイアル"),
            new Injection("1141400A1000", "アセトアミノフェン静注液1000mg", "1", "BAG", "袋"),
            new Injection("2325400A1000", "ファモチジン注射液20mg", "1", "AMP", "アンプル"));

    /** One to three chronic diagnoses, all different, drawn from {@link #CHRONIC} (for an adult of any age). */
    public static List<Diagnosis> drawChronic(SplittableRandom random) {
        return draw(random, new ArrayList<>(CHRONIC), 1 + random.nextInt(3));
    }

    /**
     * The chronic diagnoses of a person of {@code sex} who was {@code age} when their records begin: none for a
     * child under 15; one for a young adult under 40; one or two up to 64; one to three from 65. Each diagnosis only
     * from the age it is usually treated at ({@link #FROM_AGE}); osteoporosis for women from 50 and men from 75.
     */
    public static List<Diagnosis> drawChronic(SplittableRandom random, Sex sex, int age) {
        int count = age < 15 ? 0 : age < 40 ? 1 : age < 65 ? 1 + random.nextInt(2) : 1 + random.nextInt(3);
        List<Diagnosis> eligible = new ArrayList<>();
        for (Diagnosis d : CHRONIC) {
            int from = d.icd10().startsWith("M81") && sex != Sex.FEMALE ? 75 : FROM_AGE.get(d.icd10());
            if (age >= from) {
                eligible.add(d);
            }
        }
        return draw(random, eligible, Math.min(count, eligible.size()));
    }

    private static List<Diagnosis> draw(SplittableRandom random, List<Diagnosis> pool, int count) {
        List<Diagnosis> drawn = new ArrayList<>();
        for (int n = count; n > 0; n--) {
            drawn.add(pool.remove(random.nextInt(pool.size())));
        }
        return drawn;
    }

    /** Acute diagnoses of a person of {@code age}: low back pain (腰痛症) only from 15. */
    public static List<Acute> acute(int age) {
        return age >= 15 ? ACUTE : CHILDREN_ACUTE;
    }

    /** Vital signs: LOINC code, display, UCUM unit (the one table's, {@link VitalSign}), value range. */
    record Vital(String loinc, String name, String unit, double low, double high, int decimals) {

        static Vital of(VitalSign sign, double low, double high, int decimals) {
            return new Vital(sign.loinc(), sign.text(), sign.unit().ucum(), low, high, decimals);
        }
    }

    static final Vital SYSTOLIC = Vital.of(VitalSign.SYSTOLIC, 105, 165, 0);
    static final Vital DIASTOLIC = Vital.of(VitalSign.DIASTOLIC, 60, 100, 0);
    static final Vital WEIGHT = Vital.of(VitalSign.BODY_WEIGHT, 38, 95, 1);
    static final Vital PULSE = Vital.of(VitalSign.HEART_RATE, 55, 100, 0);
    static final Vital TEMPERATURE = Vital.of(VitalSign.BODY_TEMPERATURE, 35.8, 37.6, 1);

    private ClinicalCodes() {
    }
}
