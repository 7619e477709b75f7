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

    /**
     * The patient a page's key names, as the viewer's addresses write it ({@code /portal/patients/<key>/…}): a regional
     * person's id (digits), or {@code own-<n>}, a patient of the reader's own facility by its source patient id (how
     * the own-records pages open a patient without putting the person's id in an address). Anything else names nobody
     * (person 0: refused by the policy like an unknown person).
     */
    static PatientRef ofKey(String key) {
        if (key != null && key.matches("\\d{1,18}")) {
            return person(Long.parseLong(key));
        }
        if (key != null && key.startsWith(OWN_KEY) && key.substring(OWN_KEY.length()).matches("\\d{1,18}")) {
            return ownPatient(Long.parseLong(key.substring(OWN_KEY.length())));
        }
        return person(0);
    }

    /** The key ({@link #ofKey}) of a patient of the reader's own facility. */
    static String ownKey(long sourcePatientId) {
        return OWN_KEY + sourcePatientId;
    }

    /** The prefix of an own patient's key. */
    String OWN_KEY = "own-";

    /** The regional person, by id. */
    record Person(long personId) implements PatientRef {
    }

    /** A patient of the reader's own facility; another facility's patient reads as one that does not exist. */
    record OwnPatient(long sourcePatientId) implements PatientRef {
    }
}
