package org.musubi.fhirapi.internal;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.MatchSourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.record.ResourceWrite;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.registry.Facility;
import org.springframework.stereotype.Component;

/**
 * A facility system registers one of its patients by creating a Patient with its own patient ID:
 * the source patient is stored (or refreshed), matched to a regional person (名寄せ: auto-link,
 * review queue or new person), and the Patient resource kept in the record store as sent.
 */
@Component
class SourcePatientRegistration {

    private final RecordResources resources;
    private final IdentityStore identities;
    private final MatchSourcePatient matching;
    private final WriteRecords writes;
    private final IdentifierSystems systems;
    private final org.musubi.record.ResourceStore store;

    SourcePatientRegistration(RecordResources resources, IdentityStore identities, MatchSourcePatient matching,
                              WriteRecords writes, IdentifierSystems systems, org.musubi.record.ResourceStore store) {
        this.store = store;
        this.resources = resources;
        this.identities = identities;
        this.matching = matching;
        this.writes = writes;
        this.systems = systems;
    }

    Written register(Caller caller, Patient patient) {
        return register(caller, patient, null);
    }

    /**
     * With {@code id}: the Patient gets that id (a PUT), unless the facility already sent this patient under another.
     * An id of another facility's resource, or an unused id of the server's own form, is refused first, with the
     * one 404, before anything is kept ({@link WriteRecords#requireWritable}).
     */
    Written register(Caller caller, Patient patient, String id) {
        if (id != null) {
            try {
                writes.requireWritable(caller.reader(), "Patient", id);
            } catch (WriteRecords.NotOwner e) {
                throw Refusals.notFound(new org.hl7.fhir.r4.model.IdType("Patient", id));
            }
        }
        Facility facility = resources.facility(caller.writingFacility());
        String system = systems.patientIds(facility);
        String localId = patient.getIdentifier().stream()
                .filter(i -> system.equals(i.getSystem()) || IdentifierSystems.JP_HOSPITAL_PATIENT_ID.equals(i.getSystem()))
                .map(Identifier::getValue).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> new UnprocessableEntityException("Patient.identifier に自施設の患者番号（system " + system
                        + "）が必要です / Patient.identifier with your facility's patient-ID system " + system + " is required"));
        ResourceWrite write = resources.toWrite(patient, null, facility.id()); // validated before anything is kept
        Demographics d = QueryDemographics.of(patient);
        SourcePatient source = identities.receive(new SourcePatient(0, facility.id(), localId.strip(), d.familyKanji(),
                d.givenKanji(), d.familyKana(), d.givenKana(), d.sex(), d.birthDate(), d.postalCode(), d.address(), d.phone()));
        if (identities.personOf(source.id()).isEmpty()) {
            matching.match(caller.userId(), source.id());
        }
        String existing = store.findByIdentifier("Patient", facility.id(), system, localId.strip())
                .map(org.musubi.record.StoredResource::id).orElse(null);
        if (id != null && existing != null && !existing.equals(id)) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException("この患者は Patient/" + existing
                    + " として登録済みです / This patient is already stored as Patient/" + existing);
        }
        ResourceWrite keyed = new ResourceWrite(source.id(), "Patient", existing != null ? existing : id, localId.strip(),
                facility.id(), write.category(), write.json(), write.index());
        return writes.write(caller.reader(), keyed);
    }
}
