package org.musubi.record.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.musubi.policy.DataCategory;

/**
 * What Musubi knows about each resource type it stores: the policy's data category, where the code,
 * category, status and clinical date live (FHIR R4 search-parameter paths), and the reference to the
 * patient. A type without a patient path (Organization, Practitioner …) is not patient data.
 */
public record ResourceKind(String type, DataCategory category, List<String> codes, List<String> categories,
                           List<String> statuses, List<String> dates, String patientPath) {

    private static final Map<String, ResourceKind> KINDS = Map.ofEntries(
            kind("Patient", DataCategory.DEMOGRAPHICS, List.of(), List.of(), List.of(), List.of(), null),
            kind("Encounter", DataCategory.ENCOUNTERS, List.of("type"), List.of("class"), List.of("status"),
                    List.of("period"), "subject"),
            kind("Condition", DataCategory.DIAGNOSES, List.of("code"), List.of("category"), List.of("clinicalStatus"),
                    List.of("onset[x]", "recordedDate"), "subject"),
            kind("AllergyIntolerance", DataCategory.ALLERGIES, List.of("code"), List.of("category"),
                    List.of("clinicalStatus"), List.of("recordedDate", "onset[x]"), "patient"),
            kind("MedicationRequest", DataCategory.MEDICATIONS, List.of("medication[x]"), List.of("category"),
                    List.of("status"), List.of("authoredOn"), "subject"),
            kind("MedicationDispense", DataCategory.MEDICATIONS, List.of("medication[x]"), List.of("category"),
                    List.of("status"), List.of("whenHandedOver", "whenPrepared"), "subject"),
            kind("MedicationAdministration", DataCategory.MEDICATIONS, List.of("medication[x]"), List.of("category"),
                    List.of("status"), List.of("effective[x]"), "subject"),
            kind("MedicationStatement", DataCategory.MEDICATIONS, List.of("medication[x]"), List.of("category"),
                    List.of("status"), List.of("effective[x]"), "subject"),
            kind("Observation", DataCategory.LAB_RESULTS, List.of("code"), List.of("category"), List.of("status"),
                    List.of("effective[x]"), "subject"),
            kind("DiagnosticReport", DataCategory.LAB_RESULTS, List.of("code"), List.of("category"), List.of("status"),
                    List.of("effective[x]"), "subject"),
            kind("Procedure", DataCategory.PROCEDURES, List.of("code"), List.of("category"), List.of("status"),
                    List.of("performed[x]"), "subject"),
            kind("Immunization", DataCategory.IMMUNIZATIONS, List.of("vaccineCode"), List.of(), List.of("status"),
                    List.of("occurrence[x]"), "patient"),
            kind("ServiceRequest", DataCategory.ENCOUNTERS, List.of("code"), List.of("category"), List.of("status"),
                    List.of("authoredOn"), "subject"),
            kind("Specimen", DataCategory.LAB_RESULTS, List.of("type"), List.of(), List.of("status"),
                    List.of("collection.collected[x]"), "subject"),
            kind("NutritionOrder", DataCategory.CARE_RECORDS, List.of("oralDiet.type"), List.of(), List.of("status"),
                    List.of("dateTime"), "patient"),
            kind("ImagingStudy", DataCategory.IMAGING, List.of("procedureCode"), List.of("modality"), List.of("status"),
                    List.of("started"), "subject"),
            kind("DocumentReference", DataCategory.DOCUMENTS, List.of("type"), List.of("category"), List.of("status"),
                    List.of("date"), "subject"),
            kind("Composition", DataCategory.DOCUMENTS, List.of("type"), List.of("category"), List.of("status"),
                    List.of("date"), "subject"),
            kind("CarePlan", DataCategory.CARE_RECORDS, List.of(), List.of("category"), List.of("status"),
                    List.of("period"), "subject"),
            kind("Binary", DataCategory.DOCUMENTS, List.of(), List.of(), List.of(), List.of(), "securityContext"),
            kind("Bundle", DataCategory.DOCUMENTS, List.of(), List.of(), List.of(), List.of("timestamp"), null),
            kind("Organization", DataCategory.DEMOGRAPHICS, List.of("type"), List.of(), List.of(), List.of(), null),
            kind("Practitioner", DataCategory.DEMOGRAPHICS, List.of(), List.of(), List.of(), List.of(), null),
            kind("PractitionerRole", DataCategory.DEMOGRAPHICS, List.of("code"), List.of(), List.of(), List.of(), null));

    private static Map.Entry<String, ResourceKind> kind(String type, DataCategory category, List<String> codes,
                                                        List<String> categories, List<String> statuses,
                                                        List<String> dates, String patientPath) {
        return Map.entry(type, new ResourceKind(type, category, codes, categories, statuses, dates, patientPath));
    }

    public static Optional<ResourceKind> of(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    public static java.util.Set<String> types() {
        return KINDS.keySet();
    }

    /** Patient data lives under a source patient; the rest (directory resources) under key 0. */
    public boolean patientData() {
        return patientPath != null || type.equals("Patient") || type.equals("Bundle");
    }

    /** Types whose patient reference R4 makes optional (0..1); a resource of such a type may come unattached. */
    private static final java.util.Set<String> PATIENT_OPTIONAL = java.util.Set.of("Encounter", "Observation",
            "DiagnosticReport", "DocumentReference", "Composition", "Specimen", "MedicationDispense", "Binary");

    /** Whether R4 requires the reference to the patient (1..1). */
    public boolean patientRequired() {
        return patientPath != null && !PATIENT_OPTIONAL.contains(type);
    }

    /** Directory resources (facilities, practitioners): no patient's data, readable by every caller. */
    public boolean directory() {
        return !patientData();
    }
}
