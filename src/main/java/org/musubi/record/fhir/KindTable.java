package org.musubi.record.fhir;

import static org.musubi.policy.DataCategory.*;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.RuntimeSearchParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.policy.DataCategory;

/**
 * The table {@link ResourceKind} is made from. By hand: each type's data category (a policy decision), the search index
 * of the types Musubi stored before it took every R4 type, and the directory types. From HAPI's R4 definitions: where
 * each type names its patient ({@link PatientCompartment}) and, for the other types, the search index of their standard
 * search parameters {@code code}, {@code category}, {@code status} and {@code date} (none where R4 has no such
 * parameter).
 */
final class KindTable {

    /** The search index of the types stored before every R4 type was, kept as it was: codes, categories, statuses, dates. */
    private static final Map<String, List<List<String>>> INDEXED = Map.ofEntries(
            indexed("Encounter", List.of("type"), List.of("class"), List.of("status"), List.of("period")),
            indexed("Condition", List.of("code"), List.of("category"), List.of("clinicalStatus"),
                    List.of("onset[x]", "recordedDate")),
            indexed("AllergyIntolerance", List.of("code"), List.of("category"), List.of("clinicalStatus"),
                    List.of("recordedDate", "onset[x]")),
            indexed("MedicationRequest", List.of("medication[x]"), List.of("category"), List.of("status"),
                    List.of("authoredOn")),
            indexed("MedicationDispense", List.of("medication[x]"), List.of("category"), List.of("status"),
                    List.of("whenHandedOver", "whenPrepared")),
            indexed("MedicationAdministration", List.of("medication[x]"), List.of("category"), List.of("status"),
                    List.of("effective[x]")),
            indexed("MedicationStatement", List.of("medication[x]"), List.of("category"), List.of("status"),
                    List.of("effective[x]")),
            indexed("Observation", List.of("code"), List.of("category"), List.of("status"), List.of("effective[x]")),
            indexed("DiagnosticReport", List.of("code"), List.of("category"), List.of("status"), List.of("effective[x]")),
            indexed("Procedure", List.of("code"), List.of("category"), List.of("status"), List.of("performed[x]")),
            indexed("Immunization", List.of("vaccineCode"), List.of(), List.of("status"), List.of("occurrence[x]")),
            indexed("ServiceRequest", List.of("code"), List.of("category"), List.of("status"), List.of("authoredOn")),
            indexed("Specimen", List.of("type"), List.of(), List.of("status"), List.of("collection.collected[x]")),
            indexed("NutritionOrder", List.of("oralDiet.type"), List.of(), List.of("status"), List.of("dateTime")),
            indexed("ImagingStudy", List.of("procedureCode"), List.of("modality"), List.of("status"), List.of("started")),
            indexed("DocumentReference", List.of("type"), List.of("category"), List.of("status"), List.of("date")),
            indexed("Composition", List.of("type"), List.of("category"), List.of("status"), List.of("date")),
            indexed("CarePlan", List.of(), List.of("category"), List.of("status"), List.of("period")),
            indexed("Binary", List.of(), List.of(), List.of(), List.of()),
            indexed("Task", List.of("code"), List.of("businessStatus"), List.of("status"), List.of("authoredOn")),
            indexed("Bundle", List.of(), List.of(), List.of(), List.of("timestamp")),
            indexed("Patient", List.of(), List.of(), List.of(), List.of()),
            indexed("Organization", List.of("type"), List.of(), List.of(), List.of()),
            indexed("Practitioner", List.of(), List.of(), List.of(), List.of()),
            indexed("PractitionerRole", List.of("code"), List.of(), List.of(), List.of()));

    /**
     * The category of each type: of the data about a patient, or (directory types) DEMOGRAPHICS, as organizations and
     * practitioners have always had; a Device about a patient (an implant) is PROCEDURES, a Medication (a drug, often
     * contained in a prescription) MEDICATIONS. A directory resource is read by every caller whatever its category;
     * the category counts where one is inside a container. A Task is a care task (CARE_RECORDS: a care team's work for
     * the patient, issue 44) unless it tracks a letter between facilities, which {@link FhirIndexer#category} makes a
     * referral.
     */
    static final Map<String, DataCategory> CATEGORIES = Map.ofEntries(
            Map.entry("Patient", DEMOGRAPHICS), Map.entry("RelatedPerson", DEMOGRAPHICS),
            Map.entry("Encounter", ENCOUNTERS), Map.entry("EpisodeOfCare", ENCOUNTERS), Map.entry("Appointment", ENCOUNTERS),
            Map.entry("AppointmentResponse", ENCOUNTERS), Map.entry("Schedule", ENCOUNTERS),
            Map.entry("ServiceRequest", ENCOUNTERS), Map.entry("RequestGroup", ENCOUNTERS),
            Map.entry("VisionPrescription", ENCOUNTERS),
            Map.entry("Condition", DIAGNOSES), Map.entry("ClinicalImpression", DIAGNOSES),
            Map.entry("FamilyMemberHistory", DIAGNOSES), Map.entry("RiskAssessment", DIAGNOSES),
            Map.entry("AdverseEvent", DIAGNOSES), Map.entry("BodyStructure", DIAGNOSES),
            Map.entry("AllergyIntolerance", ALLERGIES),
            Map.entry("MedicationRequest", MEDICATIONS), Map.entry("MedicationDispense", MEDICATIONS),
            Map.entry("MedicationAdministration", MEDICATIONS), Map.entry("MedicationStatement", MEDICATIONS),
            Map.entry("DetectedIssue", MEDICATIONS),
            Map.entry("Observation", LAB_RESULTS), Map.entry("DiagnosticReport", LAB_RESULTS),
            Map.entry("Specimen", LAB_RESULTS), Map.entry("MolecularSequence", LAB_RESULTS),
            Map.entry("DocumentReference", DOCUMENTS), Map.entry("Composition", DOCUMENTS), Map.entry("Binary", DOCUMENTS),
            Map.entry("Bundle", DOCUMENTS), Map.entry("DocumentManifest", DOCUMENTS), Map.entry("List", DOCUMENTS),
            Map.entry("Communication", DOCUMENTS), Map.entry("CommunicationRequest", DOCUMENTS),
            Map.entry("QuestionnaireResponse", DOCUMENTS), Map.entry("Basic", DOCUMENTS), Map.entry("Provenance", DOCUMENTS),
            Map.entry("ImagingStudy", IMAGING), Map.entry("Media", IMAGING),
            Map.entry("Procedure", PROCEDURES), Map.entry("Device", PROCEDURES), Map.entry("DeviceRequest", PROCEDURES),
            Map.entry("DeviceUseStatement", PROCEDURES),
            Map.entry("Immunization", IMMUNIZATIONS), Map.entry("ImmunizationEvaluation", IMMUNIZATIONS),
            Map.entry("ImmunizationRecommendation", IMMUNIZATIONS),
            Map.entry("CarePlan", CARE_RECORDS), Map.entry("CareTeam", CARE_RECORDS), Map.entry("Goal", CARE_RECORDS),
            Map.entry("NutritionOrder", CARE_RECORDS), Map.entry("Flag", CARE_RECORDS),
            Map.entry("SupplyDelivery", CARE_RECORDS), Map.entry("SupplyRequest", CARE_RECORDS),
            Map.entry("Account", ADMINISTRATIVE), Map.entry("ChargeItem", ADMINISTRATIVE), Map.entry("Claim", ADMINISTRATIVE),
            Map.entry("ClaimResponse", ADMINISTRATIVE), Map.entry("Coverage", ADMINISTRATIVE),
            Map.entry("CoverageEligibilityRequest", ADMINISTRATIVE),
            Map.entry("CoverageEligibilityResponse", ADMINISTRATIVE), Map.entry("EnrollmentRequest", ADMINISTRATIVE),
            Map.entry("ExplanationOfBenefit", ADMINISTRATIVE), Map.entry("Invoice", ADMINISTRATIVE),
            Map.entry("MeasureReport", ADMINISTRATIVE), Map.entry("ResearchSubject", ADMINISTRATIVE),
            Map.entry("Task", CARE_RECORDS),
            Map.entry("Organization", DEMOGRAPHICS), Map.entry("Practitioner", DEMOGRAPHICS),
            Map.entry("PractitionerRole", DEMOGRAPHICS), Map.entry("Location", DEMOGRAPHICS),
            Map.entry("HealthcareService", DEMOGRAPHICS), Map.entry("Endpoint", DEMOGRAPHICS),
            Map.entry("Medication", MEDICATIONS), Map.entry("Substance", DEMOGRAPHICS));

    /**
     * The directory: what a facility sends about its own parties, places and things, about no patient, readable by
     * every caller ({@code ReadRecords}). A Device may also be a patient's (its {@code patient}): then it is patient data.
     */
    static final Set<String> DIRECTORY = Set.of("Organization", "Practitioner", "PractitionerRole", "Location",
            "HealthcareService", "Endpoint", "Device", "Medication", "Substance");

    /**
     * The references a type is searched by besides its patient, as {@code search parameter → element}: a Task by its
     * owner, requester, focus and the Task it is part of (R4's {@code owner}, {@code requester}, {@code focus},
     * {@code part-of}). Each is indexed as a token of the referenced type and id ({@link FhirIndexer#index}).
     */
    private static final Map<String, Map<String, String>> REFERENCES = Map.of(
            "Task", Map.of("owner", "owner", "requester", "requester", "focus", "focus", "part-of", "partOf"),
            "Communication", Map.of("part-of", "partOf"));

    /** Clinical dates of types whose standard {@code date} parameter R4 lacks, where a Synthea or EHR export has one. */
    private static final Map<String, List<String>> DATES = Map.of(
            "Claim", List.of("billablePeriod", "created"), "ExplanationOfBenefit", List.of("billablePeriod", "created"),
            "Provenance", List.of("recorded"), "SupplyDelivery", List.of("occurrence[x]"));

    private static final Pattern AS_TYPE = Pattern.compile("^\\(([A-Za-z]+)\\.([a-z][A-Za-z]*) as [A-Za-z]+\\)$");
    private static final Pattern ELEMENTS = Pattern.compile("[a-z][A-Za-z]*(\\.[a-z][A-Za-z]*)*");

    private KindTable() {
    }

    /** Every stored type's kind. */
    static Map<String, ResourceKind> build(FhirContext context) {
        Map<String, ResourceKind> kinds = new HashMap<>();
        CATEGORIES.forEach((type, category) -> kinds.put(type, kind(context, type, category)));
        return Map.copyOf(kinds);
    }

    private static ResourceKind kind(FhirContext context, String type, DataCategory category) {
        RuntimeResourceDefinition definition = context.getResourceDefinition(type);
        List<List<String>> index = INDEXED.get(type);
        if (index == null) {
            index = List.of(standard(definition, "code"), standard(definition, "category"),
                    standard(definition, "status"), DATES.getOrDefault(type, standard(definition, "date")));
        }
        PatientCompartment.PatientPath patient = type.equals("Binary")
                ? new PatientCompartment.PatientPath("securityContext", false, false)
                : type.equals("Task") ? new PatientCompartment.PatientPath("for", false, false)
                : type.equals("Patient") || type.equals("Bundle") ? null
                : PatientCompartment.of(context, type).orElse(null);
        if (patient == null && !DIRECTORY.contains(type) && !type.equals("Patient") && !type.equals("Bundle")) {
            throw new IllegalStateException(type + " names no patient and is no directory type");
        }
        return new ResourceKind(type, category, index.get(0), index.get(1), index.get(2), index.get(3),
                patient == null ? null : patient.path(), patient != null && patient.required(),
                patient != null && patient.amongOthers(), DIRECTORY.contains(type), REFERENCES.getOrDefault(type, Map.of()));
    }

    /**
     * The element paths of a standard search parameter of the type, as the indexer reads them: {@code A.b | A.c} is
     * {@code b} and {@code c}, {@code (A.b as CodeableConcept)} and a choice element {@code A.b} are {@code b[x]}; an
     * expression of another form ({@code where(…)}, {@code resolve()}) is left out.
     */
    static List<String> standard(RuntimeResourceDefinition definition, String name) {
        RuntimeSearchParam param = definition.getSearchParam(name);
        if (param == null || param.getPath() == null) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (String alternative : param.getPath().split("\\|")) {
            String expression = alternative.strip();
            Matcher as = AS_TYPE.matcher(expression);
            if (as.matches()) {
                expression = as.group(1) + "." + as.group(2);
            }
            String prefix = definition.getName() + ".";
            if (expression.startsWith(prefix) && ELEMENTS.matcher(expression.substring(prefix.length())).matches()) {
                String path = elements(definition, expression.substring(prefix.length()));
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        return List.copyOf(paths);
    }

    /** The path with each choice element written {@code name[x]}; null when an element is not there. */
    private static String elements(RuntimeResourceDefinition definition, String path) {
        List<String> names = new ArrayList<>();
        BaseRuntimeElementCompositeDefinition<?> at = definition;
        for (String name : path.split("\\.")) {
            if (at == null) {
                return null;
            }
            String own = at.getChildByName(name) != null ? name
                    : at.getChildByName(name + "[x]") != null ? name + "[x]" : null;
            if (own == null) {
                return null;
            }
            names.add(own);
            BaseRuntimeElementDefinition<?> element = own.equals(name) ? at.getChildByName(own).getChildByName(name) : null;
            at = element instanceof BaseRuntimeElementCompositeDefinition<?> composite ? composite : null;
        }
        return String.join(".", names);
    }

    private static Map.Entry<String, List<List<String>>> indexed(String type, List<String> codes, List<String> categories,
                                                                  List<String> statuses, List<String> dates) {
        return Map.entry(type, List.of(codes, categories, statuses, dates));
    }
}
