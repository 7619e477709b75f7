package org.musubi.ingest.results;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.ingest.adapter.SourceRefs;
import org.musubi.record.fhir.FhirSystems;

/**
 * One result as a JP Core Observation (JP_Observation_LabResult for lab tests), with the ordering department as
 * JP-CLINS writes it on a lab result (the JP_eCS_Department extension) and its OBX-4 sub-ID ({@link ResultGroups}).
 */
final class LabObservations {

    private LabObservations() {
    }

    static Observation resource(LabReport report, LabResult result, Reference order, String specimenKey) {
        Observation observation = new Observation();
        observation.getMeta().addProfile(report.kind().observationProfile());
        observation.setStatus(result.status());
        observation.addCategory().addCoding(new Coding(FhirSystems.JP_OBSERVATION_CATEGORY, report.kind().category(),
                report.kind().categoryDisplay()));
        observation.setCode(withText(result.code()));
        observation.setSubject(SourceRefs.patient());
        var effective = result.effective() != null ? result.effective() : report.effective();
        if (effective != null) {
            observation.setEffective(effective);
        }
        values(result, observation);
        if (order != null) {
            observation.addBasedOn(order.copy());
        }
        if (specimenKey != null) {
            observation.setSpecimen(LabResources.to("Specimen", specimenKey));
        }
        if (report.details().department() != null) {
            observation.addExtension(FhirSystems.JP_ECS_DEPARTMENT, report.details().department());
        }
        ResultGroups.subId(result, observation);
        return observation;
    }

    private static void values(LabResult result, Observation observation) {
        if (result.value() != null) {
            observation.setValue(result.value());
        } else {
            observation.setDataAbsentReason(new CodeableConcept().addCoding(
                    new Coding(FhirSystems.DATA_ABSENT_REASON, "unknown", "Unknown")));
        }
        if (result.interpretation() != null) {
            observation.addInterpretation(result.interpretation());
        }
        if (result.range() != null) {
            observation.addReferenceRange(result.range());
        }
        result.notes().forEach(n -> observation.addNote().setText(n));
    }

    /** JP Core requires code.text: the sent text, else the first display, else the first code. */
    static CodeableConcept withText(CodeableConcept code) {
        if (!code.hasText() && code.hasCoding()) {
            Coding first = code.getCodingFirstRep();
            code.setText(first.hasDisplay() ? first.getDisplay() : first.getCode());
        }
        return code;
    }
}
