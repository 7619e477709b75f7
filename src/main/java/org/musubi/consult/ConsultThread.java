package org.musubi.consult;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.musubi.record.Reader;

/**
 * A consultation's bookkeeping row: who asked ({@code askingUser} of {@code askingFacility}, the thread stored under
 * its source patient {@code patientKey} of person {@code personId}), who is asked (a facility, a department's name,
 * and optionally a named specialist), the subject and the patient's name as the asker's record shows it, the header
 * Communication's id, the status and the meeting.
 */
public record ConsultThread(UUID id, long personId, long patientKey, long askingFacility, long askingUser,
                            long addresseeFacility, Long addresseeUser, String department, String subject,
                            String patientName, String headerId, ConsultStatus status, Instant meetingAt,
                            String meetingUrl, Instant createdAt, Instant updatedAt) {

    public ConsultThread {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    /** Whether {@code reader} asked this consultation. */
    public boolean askedBy(Reader reader) {
        return reader.userId() == askingUser;
    }

    /**
     * Whether {@code reader} is asked: acting for the addressee facility and, when a specialist is named, that
     * specialist (never the asker).
     */
    public boolean addressedTo(Reader reader) {
        return !askedBy(reader) && reader.facilityId() != null && reader.actsFor(addresseeFacility)
                && (addresseeUser == null || addresseeUser == reader.userId());
    }

    ConsultThread with(ConsultStatus newStatus, Instant meeting, String url, Instant now) {
        return new ConsultThread(id, personId, patientKey, askingFacility, askingUser, addresseeFacility, addresseeUser,
                department, subject, patientName, headerId, newStatus, meeting, url, createdAt, now);
    }
}
