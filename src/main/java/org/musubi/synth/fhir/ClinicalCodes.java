package org.musubi.synth.fhir;

import java.util.List;

/**
 * The code tables of synthetic records: diagnoses (ICD-10 with an invented MEDIS-style exchange
 * code), drugs (YJ-style codes; their format is real, the codes are not checked against the drug
 * master), laboratory tests (JLAC10) and vital signs (LOINC), with the units and value ranges a
 * chart would show.
 */
final class ClinicalCodes {

    static final String ICD10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
    static final String MEDIS_DISEASE = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/MDCDX2";
    static final String YJ = "urn:oid:1.2.392.100495.20.1.73";
    static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";

    /** A chronic diagnosis with the drugs and laboratory tests that follow it. */
    record Diagnosis(String icd10, String medis, String name, List<Drug> drugs, List<Lab> labs) {
    }

    record Drug(String yj, String name, String dose, int perDay) {
    }

    /** A laboratory test: JLAC10 code, name, UCUM unit, the value range drawn from, and decimals. */
    record Lab(String jlac10, String name, String unit, double low, double high, int decimals) {
    }

    /** An acute diagnosis seen at one visit. */
    record Acute(String icd10, String medis, String name) {
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
    static final List<Lab> BASIC_PANEL = List.of(AST, ALT, CREATININE, EGFR);

    static final List<Diagnosis> CHRONIC = List.of(
            new Diagnosis("E11.9", "8846982", "2型糖尿病",
                    List.of(new Drug("3962002F1010", "メトホルミン塩酸塩錠250mg", "1回1錠 1日2回 朝夕食後", 2),
                            new Drug("3969010F1020", "シタグリプチン錠50mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(HBA1C, GLUCOSE, CREATININE, EGFR)),
            new Diagnosis("I10", "8833421", "本態性高血圧症",
                    List.of(new Drug("2171022F1020", "アムロジピン錠5mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)),
            new Diagnosis("E78.5", "8846421", "脂質異常症",
                    List.of(new Drug("2189015F1024", "アトルバスタチン錠10mg", "1回1錠 1日1回 夕食後", 1)),
                    List.of(LDL, HDL, TG, AST, ALT)),
            new Diagnosis("N18.3", "8849330", "慢性腎臓病ステージ3",
                    List.of(new Drug("2149039F1028", "テルミサルタン錠40mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)),
            new Diagnosis("M81.9", "8840112", "骨粗鬆症",
                    List.of(new Drug("3999019F1023", "アレンドロン酸錠35mg", "1回1錠 週1回 起床時", 1)),
                    List.of()),
            new Diagnosis("K21.9", "8836711", "胃食道逆流症",
                    List.of(new Drug("2329028F1029", "ランソプラゾール口腔内崩壊錠15mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(AST, ALT)),
            new Diagnosis("I48.9", "8833822", "心房細動",
                    List.of(new Drug("3339003F1020", "エドキサバン錠30mg", "1回1錠 1日1回 朝食後", 1)),
                    List.of(CREATININE, EGFR)));

    static final List<Acute> ACUTE = List.of(
            new Acute("J06.9", "8848702", "急性上気道炎"),
            new Acute("J20.9", "8842077", "急性気管支炎"),
            new Acute("A09", "8831029", "感染性胃腸炎"),
            new Acute("M54.5", "8840378", "腰痛症"),
            new Acute("L30.9", "8838513", "湿疹"));

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
