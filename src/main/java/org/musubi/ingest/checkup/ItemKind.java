package org.musubi.ingest.checkup;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;

/**
 * What kind of item a 特定健診項目コード is, told by its first five characters (JLAC10's analyte): specimen tests
 * (analytes 1 to 8: urine 1A…, blood 2A…, chemistry 3…, immunology 5…) are laboratory results; body measurements
 * (身長 9N001, 体重 9N006, BMI 9N011, 腹囲 9N016) and blood pressure (収縮期 9A751/9A752/9A755, 拡張期
 * 9A761/9A762/9A765) are vital signs, which the access policy files as VITALS; the questionnaire (質問票, 9N7xx and
 * 9N8xx) is a survey; anything else (医師の判断 9N511, メタボリックシンドローム判定 9N501, 心電図 9A110, 既往歴 9N056 …) an
 * examination. Vital signs also carry their LOINC code, as FHIR's vital-signs profile asks; 腹囲（自己申告）
 * (9N016160300000001), a waist the examinee only told, gets none: LOINC's waist code says "by tape measure".
 */
enum ItemKind {
    LABORATORY("JP_Observation_LabResult"),
    BODY_MEASUREMENT("JP_Observation_BodyMeasurement"),
    VITAL_SIGN("JP_Observation_VitalSigns"),
    SURVEY("JP_Observation_Common"),
    EXAM("JP_Observation_PhysicalExam");

    /** Analyte → LOINC code and display, for the vital signs. */
    private static final Map<String, String[]> LOINC = Map.ofEntries(
            Map.entry("9N001", new String[] {"8302-2", "Body height"}),
            Map.entry("9N006", new String[] {"29463-7", "Body weight"}),
            Map.entry("9N011", new String[] {"39156-5", "Body mass index (BMI) [Ratio]"}),
            Map.entry("9N016", new String[] {"8280-0", "Waist Circumference at umbilicus by Tape measure"}),
            Map.entry("9A751", new String[] {"8480-6", "Systolic blood pressure"}),
            Map.entry("9A752", new String[] {"8480-6", "Systolic blood pressure"}),
            Map.entry("9A755", new String[] {"8480-6", "Systolic blood pressure"}),
            Map.entry("9A761", new String[] {"8462-4", "Diastolic blood pressure"}),
            Map.entry("9A762", new String[] {"8462-4", "Diastolic blood pressure"}),
            Map.entry("9A765", new String[] {"8462-4", "Diastolic blood pressure"}));

    /** 腹囲（自己申告）: told by the examinee, not measured. */
    private static final String WAIST_SELF_REPORTED = "9N016160300000001";

    private final String profile;

    ItemKind(String profile) {
        this.profile = profile;
    }

    static ItemKind of(String itemCode) {
        if (itemCode == null || itemCode.length() < 5) {
            return EXAM;
        }
        char first = itemCode.charAt(0);
        if (first >= '1' && first <= '8') {
            return LABORATORY;
        }
        String analyte = itemCode.substring(0, 5);
        if (LOINC.containsKey(analyte)) {
            return analyte.startsWith("9N") ? BODY_MEASUREMENT : VITAL_SIGN;
        }
        if (analyte.startsWith("9N7") || analyte.startsWith("9N8")) {
            return SURVEY;
        }
        return EXAM;
    }

    String profile() {
        return FhirSystems.JP_CORE_PROFILE + profile;
    }

    List<CodeableConcept> categories() {
        return switch (this) {
            case LABORATORY -> List.of(concept(FhirSystems.JP_OBSERVATION_CATEGORY, "laboratory", "Laboratory"));
            case BODY_MEASUREMENT -> List.of(concept(FhirSystems.JP_OBSERVATION_CATEGORY, "body-measurement",
                    "Body Measurement"), concept(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"));
            case VITAL_SIGN -> List.of(concept(FhirSystems.OBSERVATION_CATEGORY, "vital-signs", "Vital Signs"));
            case SURVEY -> List.of(concept(FhirSystems.OBSERVATION_CATEGORY, "survey", "Survey"));
            case EXAM -> List.of(concept(FhirSystems.OBSERVATION_CATEGORY, "exam", "Exam"));
        };
    }

    /** The LOINC coding of a vital sign's item code; null for other items. */
    static Coding loinc(String itemCode) {
        if (WAIST_SELF_REPORTED.equals(itemCode)) {
            return null;
        }
        String[] code = itemCode == null || itemCode.length() < 5 ? null : LOINC.get(itemCode.substring(0, 5));
        return code == null ? null : new Coding(FhirSystems.LOINC, code[0], code[1]);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
