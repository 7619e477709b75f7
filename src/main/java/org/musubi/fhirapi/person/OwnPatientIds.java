package org.musubi.fhirapi.person;

import java.util.Optional;
import org.musubi.fhirapi.access.Caller;
import org.musubi.record.Located;
import org.musubi.record.PatientRef;
import org.musubi.record.ResourceLookup;
import org.springframework.stereotype.Component;

/**
 * The patient a {@code Patient/<id>} names in a search or an operation: the regional person for an all-digit id, or,
 * for the id of a Patient the caller's own facility sent ({@code Patient/<uuid>}), that facility's patient — through
 * which a facility without standing reaches its own data of them, and nothing else. The id of another facility's
 * Patient, or of none, names nobody.
 */
@Component
public class OwnPatientIds {

    private final ResourceLookup store;

    OwnPatientIds(ResourceLookup store) {
        this.store = store;
    }

    /** The patient {@code id} names for this caller; empty for an id that names no one the caller may ask about. */
    public Optional<PatientRef> patient(Caller caller, String id) {
        if (id == null) {
            return Optional.empty();
        }
        if (id.matches("\\d{1,18}")) {
            return Optional.of(PatientRef.person(Long.parseLong(id)));
        }
        return store.locate("Patient", id).filter(p -> !p.deleted() && p.patientKey() != 0)
                .filter(p -> caller.facilityId() != null && p.sourceFacilityId() == caller.facilityId())
                .map(Located::patientKey).map(PatientRef::ownPatient);
    }
}
