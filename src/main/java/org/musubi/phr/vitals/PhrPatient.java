package org.musubi.phr.vitals;

import org.musubi.identity.RegisteredPerson;
import org.musubi.record.IdKey;

/**
 * A resident as the health notebook's own source knows them: their source patient at the notebook's facility (whose
 * key the resources are stored under), its local id, the person it is linked to, and the installation's id key the
 * resources' ids are derived with.
 */
public record PhrPatient(long facilityId, long sourcePatientId, String localId, RegisteredPerson person, IdKey key) {

    /** The id of the resident's Patient resource at the notebook's facility. */
    public String patientId() {
        return id("Patient");
    }

    /** An id derived from what identifies a resource at this source: unguessable, the same every time. */
    public String id(String what) {
        return key.keyedUuid("musubi-phr\u001f" + facilityId + "\u001f" + localId + "\u001f" + what);
    }
}
