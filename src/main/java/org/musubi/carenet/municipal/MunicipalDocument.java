package org.musubi.carenet.municipal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One request, opinion or sheet, as its row holds it: who it is from and to, about whom (the patient as the sender's
 * record named them), its status and dates, and what was sent ({@code contentJson}: the QuestionnaireResponse; {@code
 * pdfBlob}: an uploaded signed PDF in the blob store; {@code recordRef}: what the author entered into the record).
 * Nothing of it is shown before the access policy decided.
 */
public record MunicipalDocument(UUID id, DocumentKind kind, long personId, long fromFacility, long fromUser,
                                long toFacility, Long toUser, DocumentStatus status, String statusReason,
                                String patientName, String patientKana, LocalDate birthDate, String application,
                                String insuredNumber, String note, LocalDate due, String contentJson, String pdfBlob,
                                String recordRef, String authorName, Instant createdAt, Instant answeredAt,
                                Instant readAt) {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Still asked for after its due date (Japan time). */
    public boolean overdue(Instant now) {
        return status == DocumentStatus.REQUESTED && due != null && due.isBefore(now.atZone(JAPAN).toLocalDate());
    }

    /** Received and not opened by the addressee yet. */
    public boolean unread() {
        return status == DocumentStatus.RECEIVED && readAt == null;
    }

    /** Whether it carries an opinion or sheet (filled or uploaded). */
    public boolean answered() {
        return contentJson != null || pdfBlob != null;
    }
}
