package org.musubi.synth.sources.jahis;

import java.time.LocalDate;
import java.util.List;
import org.musubi.synth.fhir.ClinicalCodes;
import org.musubi.synth.sources.care.Chart;
import org.musubi.synth.sources.sites.Site;
import org.musubi.synth.sources.sites.Staff;

/**
 * One outpatient prescription dispensed at a pharmacy: when, by whom, and the prescription as the
 * prescribing chart finally ordered it (a JAHIS dispensing block, records 5 to 301).
 */
record Dispensing(LocalDate date, Site pharmacy, Staff pharmacist, Chart prescriber, List<ClinicalCodes.Drug> drugs,
                  int days) {

    Dispensing {
        drugs = List.copyOf(drugs);
    }
}
