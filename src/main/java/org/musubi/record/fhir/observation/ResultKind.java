package org.musubi.record.fhir.observation;

import java.util.EnumSet;
import java.util.Set;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.FhirSystems;
import org.musubi.record.fhir.Loinc;
import org.musubi.registry.FacilityKind;
import tools.jackson.databind.JsonNode;

/**
 * What a stored Observation the record files as a lab result is to a person reading it, judged by what it says and by
 * the kind of facility that reported it — the one reader every page and document that lists lab results asks.
 *
 * <p>A blood type (ABO, Rh) is something the patient is, not a measurement of the day: it is a lab result only when a
 * facility that tests blood reported it — a laboratory ({@link FacilityKind#LAB_CENTRE}), a hospital (its laboratory)
 * or a checkup centre (its laboratory). Recorded by anyone else (a pharmacy copying the notebook's 血液型, a clinic's
 * patient profile, a care facility), it is {@link #PATIENT_DATA}: shown with the patient's details and named by its
 * source, never in the lab table or on a result's trend. Every other result stays a {@link #LAB_RESULT} whoever sent
 * it. The stored Observation is unchanged.
 */
public enum ResultKind {

    /** A result of a test: the lab table, its trend, a letter's results. */
    LAB_RESULT,
    /** Something the patient is, recorded by a facility that did not test it: shown as patient data, with its source. */
    PATIENT_DATA;

    /** The facilities whose blood type is a test's result: laboratories, and hospitals and checkup centres (their labs). */
    public static final Set<FacilityKind> TESTING = EnumSet.of(FacilityKind.LAB_CENTRE, FacilityKind.HOSPITAL,
            FacilityKind.CHECKUP_CENTRE);
    /** JLAC10 analytes (a code's first five characters) of blood typing: ABO (5H010) and Rh(D) (5H020). */
    private static final Set<String> BLOOD_TYPE_ANALYTES = Set.of("5H010", "5H020");
    private static final Set<String> BLOOD_TYPE_LOINC = Set.of(Loinc.ABO_AND_RH, Loinc.ABO, Loinc.RH);

    /** What {@code observation}, reported by a facility of kind {@code reporter} (null: unknown), is. */
    public static ResultKind of(JsonNode observation, FacilityKind reporter) {
        return bloodType(observation) && (reporter == null || !TESTING.contains(reporter)) ? PATIENT_DATA : LAB_RESULT;
    }

    /** Whether the Observation is a blood type: coded by LOINC (882-1, 883-9, 10331-7) or JLAC10 (5H010, 5H020). */
    public static boolean bloodType(JsonNode observation) {
        for (JsonNode coding : observation.path("code").path("coding")) {
            String system = FhirJson.text(coding.path("system"));
            String code = FhirJson.text(coding.path("code"));
            if (code == null) {
                continue;
            }
            code = code.strip();
            if (FhirSystems.LOINC.equals(system) && BLOOD_TYPE_LOINC.contains(code)) {
                return true;
            }
            if ((FhirSystems.JLAC10.equals(system) || FhirSystems.JLAC10_OID.equals(system)) && code.length() >= 5
                    && BLOOD_TYPE_ANALYTES.contains(code.substring(0, 5))) {
                return true;
            }
        }
        return false;
    }
}
