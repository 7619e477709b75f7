package org.musubi.ingest.checkup;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;

/**
 * What kind of item a 特定健診項目コード is, told by its first five characters (JLAC10's analyte): specimen tests
 * (analytes 1 to 8: urine 1A…, blood 2A…, chemistry 3…, immunology 5…) are laboratory results; body measurements
 * (身長 9N001, 体重 9N006, BMI 9N011, 腹囲 9N016) and blood pressure (収縮期 9A751/9A752/9A755, 拡張期
 * 9A761/9A762/9A765) are vital signs, which the access policy files as VITALS; the questionnaire (質問票, 9N7xx and
 * 9N8xx) is a survey; anything else (医師の判断 9N511, メタボリックシンドローム判定 9N501, 心電図 9A110, 既往歴 9N056 …) an
 * examination. Vital signs also carry their LOINC code, as FHIR's vital-signs profile asks, by the one table of
 * {@link Loinc} (腹囲（自己申告）, a waist the examinee only told, gets none).
 */
enum ItemKind {
    LABORATORY("JP_Observation_LabResult"),
    BODY_MEASUREMENT("JP_Observation_BodyMeasurement"),
    VITAL_SIGN("JP_Observation_VitalSigns"),
    SURVEY("JP_Observation_Common"),
    EXAM("JP_Observation_PhysicalExam");

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
        if (Loinc.ofCheckupAnalyte(analyte).isPresent()) {
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

    /** The LOINC coding of a vital sign's item code ({@link Loinc#ofCheckupItem}); null for other items. */
    static Coding loinc(String itemCode) {
        return Loinc.ofCheckupItem(itemCode).map(code -> new Coding(FhirSystems.LOINC, code, Loinc.display(code)))
                .orElse(null);
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
