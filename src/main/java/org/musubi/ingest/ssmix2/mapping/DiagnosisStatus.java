package org.musubi.ingest.ssmix2.mapping;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.musubi.ingest.hl7.Hl7Field;
import org.musubi.ingest.hl7.Hl7Segment;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.condition.ConditionStatus;

/**
 * A diagnosis's clinical and verification status. PRB-14 is the outcome (転帰): HL7 table 0241
 * (F fully recovered and R recovered are resolved, D dead is inactive, N/W/S/U leave it active) or JHSD
 * table 0006 (I 中止 inactive, M 寛解 remission, C 継続 active); it is also kept in JP Core's
 * disease-outcome extension. A resolution date (PRB-9) makes an active diagnosis inactive (FHIR con-4).
 * PRB-13 {@code 1} (JHSD table 0005, 疑い) makes it unconfirmed, as JP_Condition_Diagnosis asks;
 * otherwise it is confirmed.
 */
final class DiagnosisStatus {

    static final String OUTCOME = FhirSystems.DISEASE_OUTCOME;
    static final String HL70241 = FhirSystems.DISEASE_OUTCOME_HL70241;
    static final String JHSD0006 = FhirSystems.DISEASE_OUTCOME_JHSD0006;

    private DiagnosisStatus() {
    }

    static void apply(Condition condition, Hl7Segment prb, boolean abated) {
        Hl7Field outcome = prb.field(14);
        boolean jhsd = outcome.component(3).equals("JHSD0006");
        String status = jhsd ? fromJhsd(outcome.component(1)) : fromHl7(outcome.component(1));
        if (abated && status.equals("active")) {
            status = "inactive";
        }
        condition.setClinicalStatus(concept(FhirSystems.CONDITION_CLINICAL, status));
        boolean suspected = prb.field(13).component(1).equals("1");
        condition.setVerificationStatus(ConditionStatus.verification(suspected));
        if (!outcome.component(1).isEmpty()) {
            Coding coding = new Coding(jhsd ? JHSD0006 : HL70241, outcome.component(1),
                    outcome.component(2).isEmpty() ? null : outcome.component(2));
            condition.addExtension(OUTCOME, new CodeableConcept().addCoding(coding).setText(coding.getDisplay()));
        }
    }

    private static String fromHl7(String code) {
        return switch (code) {
            case "F", "R" -> "resolved";
            case "D" -> "inactive";
            default -> "active";
        };
    }

    private static String fromJhsd(String code) {
        return switch (code) {
            case "I" -> "inactive";
            case "M" -> "remission";
            default -> "active";
        };
    }

    private static CodeableConcept concept(String system, String code) {
        return new CodeableConcept().addCoding(new Coding(system, code, null));
    }
}
