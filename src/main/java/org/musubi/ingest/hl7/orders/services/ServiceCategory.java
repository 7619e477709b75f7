package org.musubi.ingest.hl7.orders.services;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.musubi.record.fhir.FhirSystems;

/**
 * The kind of test an SS-MIX2 order or performed-test message is about, as a category: the LOINC codes
 * JP Core's DiagnosticReport category value set gives (LP29693-6 検体検査, LP29684-5 放射線, LP7796-8
 * 内視鏡); that value set has nothing for physiological tests as a whole, so they keep text only.
 */
public enum ServiceCategory {
    LABORATORY("LP29693-6", "検体検査", null),
    RADIOLOGY("LP29684-5", "放射線", "JP_ImagingStudy_Radiology"),
    ENDOSCOPY("LP7796-8", "内視鏡", "JP_ImagingStudy_Endoscopy"),
    PHYSIOLOGY(null, "生理検査", null);

    private final String loinc;
    private final String text;
    private final String studyProfile;

    ServiceCategory(String loinc, String text, String studyProfile) {
        this.loinc = loinc;
        this.text = text;
        this.studyProfile = studyProfile;
    }

    CodeableConcept concept() {
        CodeableConcept concept = new CodeableConcept().setText(text);
        if (loinc != null) {
            concept.addCoding(new Coding(FhirSystems.LOINC, loinc, text));
        }
        return concept;
    }

    /** JP Core's ImagingStudy profile for this kind; null for kinds without images (lab, physiology). */
    String studyProfile() {
        return studyProfile == null ? null : FhirSystems.JP_CORE_PROFILE + studyProfile;
    }
}
