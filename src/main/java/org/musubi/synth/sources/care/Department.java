package org.musubi.synth.sources.care;

import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A clinical department as SS-MIX2 user table 0069 codes it (e.g. {@code 01} 内科,
 * {@code 081} 循環器内科, {@code 09} 小児科). Clinics see everything in internal medicine; hospitals send a patient
 * to the department of the diagnosis treated there; a child is seen in paediatrics.
 */
public record Department(String code, String name) {

    public static final Department INTERNAL = new Department("01", "内科");
    static final Department CARDIOLOGY = new Department("081", "循環器内科");
    static final Department GASTROENTEROLOGY = new Department("06", "消化器科");
    static final Department ORTHOPAEDICS = new Department("11", "整形外科");
    public static final Department PAEDIATRICS = new Department("09", "小児科");

    public static Department of(ClinicalCodes.Diagnosis diagnosis) {
        return switch (diagnosis.icd10().substring(0, 1)) {
            case "I" -> CARDIOLOGY;
            case "K" -> GASTROENTEROLOGY;
            case "M" -> ORTHOPAEDICS;
            default -> INTERNAL;
        };
    }
}
