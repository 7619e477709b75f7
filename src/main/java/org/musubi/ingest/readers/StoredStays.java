package org.musubi.ingest.readers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.linkage.IdentityBatches;
import org.musubi.ingest.ssmix2.Stays;
import org.musubi.record.ResourceLookup;

/**
 * The inpatient stays a facility's imports stored before, for an SS-MIX2 event that names no admission: the patient is
 * the facility's source patient of the storage's patient ID, the stay the one the record store holds for them on the
 * event's day ({@link ResourceLookup#importedStay}: the facility's own Encounter, its source key and start only). A
 * patient the facility never sent has none.
 */
public final class StoredStays implements Stays {

    private final IdentityBatches identities;
    private final ResourceLookup store;
    private final long facilityId;

    public StoredStays(IdentityBatches identities, ResourceLookup store, long facilityId) {
        this.identities = identities;
        this.store = store;
        this.facilityId = facilityId;
    }

    @Override
    public Optional<Stay> stayOn(String patientId, String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        SourcePatient patient = identities.sourcePatients(facilityId, List.of(patientId)).get(patientId);
        if (patient == null) {
            return Optional.empty();
        }
        return store.importedStay(facilityId, patient.id(), day).map(s -> new Stay(s.sourceKey(), s.start()));
    }
}
