package org.musubi.synth.sources.care;

import java.util.List;
import org.musubi.identity.matching.Demographics;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.sites.Site;
import org.musubi.synth.sources.sites.Staff;

/**
 * A person's chart at one facility: the facility's patient ID, the demographics as the facility
 * registered them, the doctor and department in charge, the chronic diagnoses treated there, those
 * of them whose drugs are prescribed there (each diagnosis's drugs by one facility only), and the
 * person's health data.
 */
public record Chart(Site site, long personIndex, String patientId, Demographics demographics, Staff doctor,
             Department department, List<ClinicalCodes.Diagnosis> treated, List<ClinicalCodes.Diagnosis> prescribed,
             Health health) {

    public Chart {
        treated = List.copyOf(treated);
        prescribed = List.copyOf(prescribed);
    }
}
