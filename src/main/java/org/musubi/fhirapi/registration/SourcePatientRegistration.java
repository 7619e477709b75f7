package org.musubi.fhirapi.registration;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.Refusals;
import org.musubi.fhirapi.person.QueryDemographics;
import org.musubi.fhirapi.store.RecordResources;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.MatchSourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.InsuredNumber;
import org.musubi.record.NotOwner;
import org.musubi.record.ResourceLookup;
import org.musubi.record.ResourceWrite;
import org.musubi.record.ResourceWrite.VersionConflict;
import org.musubi.record.WriteRecords;
import org.musubi.record.Written;
import org.musubi.record.fhir.FhirSystems;
import org.springframework.stereotype.Component;

/**
 * A facility system registers one of its patients by creating a Patient with its own patient ID (in its built-in
 * system or one declared for it; {@link PatientKeys} tells which patient it is): the source patient is stored (or
 * refreshed) with the identifiers that name it, matched to a regional person (名寄せ: auto-link,
 * review queue or new person), and the Patient resource kept in the record store as sent. Its insured-person number
 * ({@link #insuredNumber}) is recorded hashed too, as evidence for 名寄せ; it is never a patient ID ({@link PatientKeys}),
 * and the read door shows it to this facility only (docs/no-ehr.md).
 */
@Component
public class SourcePatientRegistration {

    private final RecordResources resources;
    private final SourcePatientMatching matching;
    private final WriteRecords writes;
    private final PatientKeys keys;
    private final ResourceLookup store;

    SourcePatientRegistration(RecordResources resources, SourcePatientMatching matching, WriteRecords writes,
                              PatientKeys keys, ResourceLookup store) {
        this.store = store;
        this.resources = resources;
        this.matching = matching;
        this.writes = writes;
        this.keys = keys;
    }

    public Written register(Caller caller, Patient patient) {
        return register(caller, patient, null);
    }

    /**
     * With {@code id}: the Patient gets that id (a PUT), unless the facility already sent this patient under another.
     * An id of another facility's resource, or an unused id of the server's own form, is refused first, with the
     * one 404, before anything is kept ({@link WriteRecords#requireWritable}).
     */
    public Written register(Caller caller, Patient patient, String id) {
        return register(caller, patient, id, null);
    }

    /**
     * As above; {@code ifMatch}: the version of the Patient the caller means to replace (FHIR's {@code If-Match}): at
     * another version, 412 and nothing is stored (the caller runs this in one transaction, so 名寄せ's changes roll
     * back with it).
     */
    public Written register(Caller caller, Patient patient, String id, Integer ifMatch) {
        if (id != null) {
            try {
                writes.requireWritable(caller.reader(), "Patient", id);
            } catch (NotOwner e) {
                throw Refusals.notFound(new IdType("Patient", id));
            }
        }
        long facility = caller.writingFacility();
        InsuredNumber insured = insuredNumber(patient);
        PatientKeys.Keys keys = this.keys.of(facility, patient);
        ResourceWrite write = resources.toWrite(patient, null, facility); // validated before anything is kept
        SourcePatient source = matching.receive(caller.userId(), facility, keys.localId(), QueryDemographics.of(patient),
                keys.recorded(), insured);
        String existing = store.patientIds(facility, List.of(source.id())).get(source.id());
        if (id != null && existing != null && !existing.equals(id)) {
            throw new ResourceVersionConflictException("この患者は Patient/" + existing
                    + " として登録済みです / This patient is already stored as Patient/" + existing);
        }
        ResourceWrite under = write.under(source.id(), existing != null ? existing : id, source.localId());
        try {
            return writes.write(caller.reader(), ifMatch == null ? under : under.expecting(ifMatch));
        } catch (VersionConflict e) {
            throw Refusals.versionConflict(e);
        }
    }

    /**
     * The insured-person number the Patient carries (JP-CLINS {@code JP_Insurance_memberID}, the first well-formed
     * one), or null; the Patient is left as it is (stored as sent).
     */
    static InsuredNumber insuredNumber(Patient patient) {
        for (Identifier identifier : patient.getIdentifier()) {
            if (FhirSystems.INSURANCE_MEMBER_ID.equals(identifier.getSystem())) {
                var number = InsuredNumber.parse(identifier.getValue());
                if (number.isPresent()) {
                    return number.get();
                }
            }
        }
        return null;
    }
}
