package org.musubi.fhirapi.clins;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import org.musubi.record.fhir.FhirJson;
import org.musubi.record.fhir.medication.CurrentMedication;
import org.musubi.record.fhir.medication.MedicationCourse;
import org.musubi.record.fhir.medication.OpenStays;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.record.RecordProviderParts;
import org.musubi.identity.SourcePatient;
import org.musubi.letters.clins.ClinsCollection;
import org.musubi.policy.PersonView;
import org.musubi.record.Outline;
import org.musubi.record.PatientRef;
import org.musubi.record.StoredResource;
import org.musubi.registry.Facilities;
import org.musubi.registry.MedicalInstitutionCode;
import org.springframework.stereotype.Component;

/**
 * {@code GET Patient/<id>/$clins-6}: the 6 items (傷病名, アレルギー, 薬剤禁忌, 感染症, 検査, 処方) of the patient at the
 * caller's own facility, as the JP-CLINS collection Bundles the national service takes ({@link ClinsCollection}), in
 * one {@code collection} Bundle. {@code <id>}: the person's id, or the id of the caller's own Patient (as for {@code
 * $everything}). One read of the record through the access policy (the record's outline, then the content of the
 * facility's own resources of the six kinds), audited once as {@value #AUDITED_AS}, the row naming exactly the
 * resources returned: a person the
 * caller may not see, or an id of no form Musubi stores, answers the one 404 of a person that does not exist. Only the
 * caller's facility's own resources go in (the national service takes each facility's own data), headed by the
 * Patient as the facility sent it (its insurance member identifier is JP-CLINS's key to the patient), or, when it sent
 * none, the patient as the caller may see them; a caller of no
 * facility, or of a facility without a 10-digit institution code, gets the same 404 (audited as a miss). The Bundle is a
 * container: the token needs a scope for Bundle besides Patient ({@link ScopeTable#CLINS_SIX}).
 */
@Component
public class ClinsSixProvider implements IResourceProvider {

    /** What the audit row names as the resource type read. */
    public static final String AUDITED_AS = "clins-6";
    static final Set<String> TYPES = Set.of("Patient", "Condition", "AllergyIntolerance", "Observation", "MedicationRequest",
            "Encounter");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RecordProviderParts parts;
    private final PersonOpener opener;
    private final Facilities facilities;

    ClinsSixProvider(RecordProviderParts parts, PersonOpener opener, Facilities facilities) {
        this.parts = parts;
        this.opener = opener;
        this.facilities = facilities;
    }

    /** The facility's own resources of the patient read for the call, and the view they were read through. */
    private record Read(List<StoredResource> own, PersonView view) {
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    @Operation(name = "$clins-6", idempotent = true)
    public Bundle clinsSix(@IdParam IdType id) {
        Caller caller = Caller.current();
        caller.scoped(ScopeTable.CLINS_SIX, parts.audit()); // a Bundle: only a scope for every type passes
        Optional<PatientRef> asked = parts.patients().patient(caller, id.getIdPart());
        Optional<String> code = Optional.ofNullable(caller.facilityId()).flatMap(facilities::find)
                .flatMap(f -> f.medicalInstitutionCode()).map(MedicalInstitutionCode::value);
        if (asked.isEmpty() || code.isEmpty()) {
            parts.reads().missed(caller.reader(), AuditAction.SEARCH, AUDITED_AS, id.getIdPart());
            throw Refusals.notFound(id);
        }
        long facility = caller.facilityId();
        Read read = parts.outcome(parts.reads().readPerson(caller.reader(), asked.get(), AuditAction.SEARCH, AUDITED_AS,
                record -> {
                    List<String> ids = record.outline().stream()
                            .filter(o -> o.sourceFacilityId() == facility && TYPES.contains(o.type()))
                            .map(Outline::id).toList();
                    return new Read(ids.isEmpty() ? List.of() : record.contents(ids), record.view());
                }), id);
        Set<String> past = notCurrent(read.own());
        List<Resource> own = read.own().stream().filter(r -> !past.contains(r.type() + "/" + r.id()))
                .map(r -> (Resource) parts.resources().toResource(r)).toList();
        Patient patient = own.stream().filter(Patient.class::isInstance).map(Patient.class::cast).findFirst()
                .orElseGet(() -> opener.patient(opener.opened(caller, read.view())));
        String key = read.view().sources().stream().filter(s -> s.facilityId() == facility).map(SourcePatient::localId)
                .findFirst().orElse(patient.getIdElement().getIdPart());
        return ClinsCollection.collection(patient, key == null ? id.getIdPart() : key, code.get(), own, Instant.now());
    }

    /**
     * The prescriptions that are not the patient's current medication (the record's one reader decides:
     * {@link CurrentMedication}): the 処方 item lists what the patient takes now, not every order the facility kept.
     */
    private static Set<String> notCurrent(List<StoredResource> own) {
        List<JsonNode> json = own.stream().map(r -> JSON.readTree(r.json())).toList();
        LocalDate today = LocalDate.now(FhirJson.JAPAN);
        Map<Long, LocalDate> stays = OpenStays.of(own, json, today);
        Set<String> past = new HashSet<>();
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i).type().equals("MedicationRequest")) {
                String ref = own.get(i).type() + "/" + own.get(i).id();
                Optional<MedicationCourse> course = MedicationCourse.of(own.get(i), json.get(i));
                if (course.isEmpty() || !CurrentMedication.current(course.get(), stays, today)) {
                    past.add(ref);
                }
            }
        }
        return past;
    }
}
