package org.musubi.imaging.reading.remote;

import java.time.Instant;
import java.time.LocalDate;
import org.musubi.imaging.reading.ReadingItem;
import org.musubi.imaging.reading.ReadingStatus;
import org.musubi.record.fhir.FhirJson;

/**
 * One remote reading request as stored: the work item ({@link #item()}) and what the request carries besides.
 *
 * @param id                 the request's id
 * @param studyUid           the study to read
 * @param personId           the regional person the study is about
 * @param requesterPatientId the requesting facility's own source patient of that person
 * @param requesterFacility  the requesting facility
 * @param requesterUser      the requesting doctor
 * @param centreFacility     the reading centre
 * @param reader             the reader who claimed (and reported) it, if any
 * @param status             the state
 * @param question           the clinical question (依頼内容)
 * @param due                the date the requester wants the reading by, if said (a day in Japan: due by its end)
 * @param declineReason      the centre's reason when declined
 * @param reportId           the DiagnosticReport entered, once reported
 * @param requestedAt        when requested
 * @param reportedAt         when reported, if
 * @param updatedAt          the last step's time
 */
public record ReadingRequest(long id, String studyUid, long personId, long requesterPatientId, long requesterFacility,
                             long requesterUser, long centreFacility, Long reader, ReadingStatus status,
                             String question, LocalDate due, String declineReason, String reportId,
                             Instant requestedAt, Instant reportedAt, Instant updatedAt) {

    /** The work item whose steps the state machine decides. */
    public ReadingItem item() {
        return new ReadingItem(id, studyUid, requesterFacility, requesterUser, centreFacility, reader, status,
                due == null ? null : due.plusDays(1).atStartOfDay(FhirJson.JAPAN).toInstant(), reportId);
    }

    /** This request after {@code item}'s step at {@code now} (the reason a decline gives). */
    ReadingRequest after(ReadingItem item, String reason, Instant now) {
        return new ReadingRequest(id, studyUid, personId, requesterPatientId, requesterFacility, requesterUser,
                centreFacility, item.reader(), item.status(), question, due, reason == null ? declineReason : reason,
                item.reportId(), requestedAt, item.status() == ReadingStatus.REPORTED ? now : reportedAt, now);
    }

    /** Whether the due date has passed at {@code now} while still waiting for a report. */
    public boolean overdue(Instant now) {
        return due != null && status.isOpen() && now.isAfter(item().due());
    }
}
