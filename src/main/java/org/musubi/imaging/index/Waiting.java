package org.musubi.imaging.index;

import java.time.Instant;
import org.musubi.imaging.studies.IndexedStudy;

/**
 * A study in the archive that matches no source patient yet, as the operators' list shows it.
 *
 * @param facilityId the facility the study was found to come from, when that much is known
 * @param reason     why it waits ({@link StudyPatients.Reason})
 */
public record Waiting(String studyUid, String orthancId, String patientId, String issuer, String remoteAet,
                      Long facilityId, String accession, String modality, Instant started, int instances,
                      StudyPatients.Reason reason, Instant firstSeen, Instant lastTried) {

    /** When the study was made, as every imaging page writes it ({@link IndexedStudy#startedText(Instant)}). */
    public String startedText() {
        return IndexedStudy.startedText(started);
    }

    static Waiting of(ArchivedStudy study, StudyPatients.Found found) {
        return new Waiting(study.studyUid(), study.orthancId(), study.patientId(), study.issuer(), study.remoteAet(),
                found.facilityId(), study.accession(), study.modality(), study.started(), study.instanceCount(),
                found.reason(), null, null);
    }
}
