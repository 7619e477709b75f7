package org.musubi.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Reference;
import org.musubi.policy.DataCategory;

/**
 * What Musubi knows about each resource type it stores: the policy's data category, where the code, category, status
 * and clinical date live (FHIR R4 search-parameter paths), the reference to the patient, and the other references it
 * is searched by ({@link #references()}: search parameter → element, a Task's owner …). Musubi stores
 * <ul>
 *   <li>every R4 type of the Patient compartment, under the patient it names ({@link #patientPath()}, read from HAPI's
 *       compartment definitions: {@link PatientCompartment}), except those {@link #refusal refused} with a reason
 *       (Group, Person, AuditEvent, Consent);</li>
 *   <li>the directory types ({@link #directory()}: Organization, Practitioner, PractitionerRole, Location,
 *       HealthcareService, Endpoint, Device, Medication, Substance), per facility, about no patient;</li>
 *   <li>Patient itself, Binary (its patient is its {@code securityContext}) and Bundles that are records (documents,
 *       collections, messages).</li>
 * </ul>
 * The table and its reasons are {@link KindTable}'s.
 */
public record ResourceKind(String type, DataCategory category, List<String> codes, List<String> categories,
                           List<String> statuses, List<String> dates, String patientPath, boolean patientRequired,
                           boolean patientAmongOthers, boolean directory, Map<String, String> references) {

    public ResourceKind {
        references = Map.copyOf(references);
    }

    private static final Map<String, ResourceKind> KINDS = KindTable.build(FhirContext.forR4Cached());

    public static Optional<ResourceKind> of(String type) {
        return Optional.ofNullable(KINDS.get(type));
    }

    public static Set<String> types() {
        return KINDS.keySet();
    }

    /** Patient data lives under a source patient; the rest (directory resources) under key 0. */
    public boolean patientData() {
        return patientPath != null || type.equals("Patient") || type.equals("Bundle");
    }

    /**
     * The references at {@link #patientPath()} that name the patient: every one, or where the path names other things
     * too ({@link #patientAmongOthers()}: a Provenance's targets, an Appointment's participants) those to a Patient
     * ({@code Patient/…}, {@code Patient?identifier=…}, or {@code type} Patient without a literal). Empty for a type
     * that names no patient.
     */
    public List<Reference> patientReferences(FhirContext context, IBaseResource resource) {
        if (patientPath == null) {
            return List.of();
        }
        List<Reference> all = context.newTerser().getValues(resource, patientPath, Reference.class);
        return patientAmongOthers ? all.stream().filter(r -> PatientCompartment.toPatient(r.getReference(), r.getType()))
                .toList() : all;
    }

    /** Why Musubi does not store this resource (Japanese, English); empty when it does. */
    public static Optional<Refusal> refusal(IBaseResource resource) {
        return UnstoredTypes.of(resource);
    }

    /** The reason a resource is not stored, Japanese then English. */
    public record Refusal(String japanese, String english) {

        /** {@code 日本語 / English}, as API errors are written. */
        public String text() {
            return japanese + " / " + english;
        }
    }
}
