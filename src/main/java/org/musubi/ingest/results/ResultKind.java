package org.musubi.ingest.results;

import org.musubi.record.fhir.FhirSystems;

/**
 * What a report holds, which decides its JP Core profiles and categories: specimen lab tests (SS-MIX2
 * OML-11, lab centres) or physiological tests (OMG-13, e.g. an ECG).
 */
public enum ResultKind {

    /** JP_Observation_LabResult (category laboratory) and JP_DiagnosticReport_LabResult (LOINC LP29693-6). */
    LABORATORY("laboratory", "Laboratory", "JP_Observation_LabResult", "JP_DiagnosticReport_LabResult"),
    /**
     * JP_Observation_Common with category procedure (JP Core files ECGs under procedure) and
     * JP_DiagnosticReport_Common; no LOINC report category (JP Core's value set has none for physiology).
     */
    PHYSIOLOGY("procedure", "Procedure", "JP_Observation_Common", "JP_DiagnosticReport_Common");


    private final String category;
    private final String categoryDisplay;
    private final String observationProfile;
    private final String reportProfile;

    ResultKind(String category, String categoryDisplay, String observationProfile, String reportProfile) {
        this.category = category;
        this.categoryDisplay = categoryDisplay;
        this.observationProfile = observationProfile;
        this.reportProfile = reportProfile;
    }

    public String category() {
        return category;
    }

    public String categoryDisplay() {
        return categoryDisplay;
    }

    public String observationProfile() {
        return FhirSystems.JP_CORE_PROFILE + observationProfile;
    }

    public String reportProfile() {
        return FhirSystems.JP_CORE_PROFILE + reportProfile;
    }
}
