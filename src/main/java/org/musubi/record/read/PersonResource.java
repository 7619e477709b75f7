package org.musubi.record.read;

import org.musubi.policy.PersonView;
import org.musubi.record.PatientRef;
import org.musubi.record.StoredResource;

/**
 * A resource read with the view of its person ({@code view} null for data about no person), as
 * {@code ReadRecords.readOfPerson} hands it out.
 */
public record PersonResource(StoredResource resource, PersonView view) {

    /** Whether the resource is live and belongs to this person. */
    public boolean ofPerson(long personId) {
        return !resource.deleted() && view != null && view.opened().map(p -> p.id() == personId).orElse(false);
    }

    /**
     * Whether the resource is live and belongs to the patient named: the person by id, or for a patient of the
     * reader's own facility, that patient's record (the person it is linked to, where the view shows the person;
     * only that patient, where the view is of the reader's own patient alone).
     */
    public boolean ofPatient(PatientRef patient) {
        return switch (patient) {
            case PatientRef.Person p -> ofPerson(p.personId());
            case PatientRef.OwnPatient own -> !resource.deleted() && view != null
                    && (view.opened().isPresent() ? view.sources().stream().anyMatch(s -> s.id() == own.sourcePatientId())
                            : resource.patientKey() == own.sourcePatientId());
        };
    }
}
