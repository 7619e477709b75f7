package org.musubi.synth.sources;

import java.util.List;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.fhir.ClinicalCodes;

/**
 * A person's chart at one facility: the facility's patient ID, the demographics as the facility
 * registered them, the doctor and department in charge, the chronic diagnoses treated there, and
 * the person's health data.
 */
record Chart(Site site, long personIndex, String patientId, Demographics demographics, Staff doctor,
             Department department, List<ClinicalCodes.Diagnosis> treated, Health health) {

    Chart {
        treated = List.copyOf(treated);
    }
}
