package org.musubi.record;

/**
 * How a request names the patient whose record it reads: the regional person by their id, or a patient of the
 * reader's own facility (its source patient: what its own patient ID, its own Patient or its own-records page names),
 * through which the person is reached. Reached through its own patient, a facility without standing for the person
 * (no live link made with the card) reads that patient only, as it sent it ({@link org.musubi.policy.Permit#OWN_PATIENT});
 * by the person's id, it reads nothing its own data alone would open.
 */
public sealed interface PatientRef {

    /** The regional person, by id. */
    static PatientRef person(long personId) {
        return new Person(personId);
    }

    /** A patient of the reader's own facility, by its source patient id. */
    static PatientRef ownPatient(long sourcePatientId) {
        return new OwnPatient(sourcePatientId);
    }

    /** The regional person, by id. */
    record Person(long personId) implements PatientRef {
    }

    /** A patient of the reader's own facility; another facility's patient reads as one that does not exist. */
    record OwnPatient(long sourcePatientId) implements PatientRef {
    }
}
