package org.musubi.letters.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.musubi.letters.LetterKind;

/**
 * One letter in an inbox or outbox (what the list shows; the content needs {@link OpenLetter#open}).
 *
 * @param id            the letter's id (random; unguessable)
 * @param personId      the person the letter is about
 * @param kind          the kind
 * @param patientName   the patient's name as the sender wrote it (漢字), and the reading
 * @param patientKana   the reading, or {@code null}
 * @param birthDate     the patient's birth date
 * @param senderFacilityId    the sending facility
 * @param senderFacility      its name
 * @param authorName    who wrote it
 * @param addresseeFacilityId the receiving facility
 * @param addresseeFacility   its name
 * @param department    the addressee's department, or {@code null}
 * @param doctor        the addressee's doctor, or {@code null}
 * @param status        where it stands
 * @param statusReason  why it was returned (rejected) or withdrawn, or {@code null}
 * @param sentAt        when it was sent
 * @param receivedAt    when the addressee first opened it, or {@code null} (unread)
 * @param updatedAt     the last change of status
 * @param due           when an answer is expected, or {@code null}
 * @param overdue       whether it is past {@code due} and not yet answered
 * @param repliesTo     the letter this one answers, or {@code null}
 * @param replyId       the reply to this letter, or {@code null}
 */
public record LetterRow(UUID id, long personId, LetterKind kind, String patientName, String patientKana,
                        LocalDate birthDate, long senderFacilityId, String senderFacility, String authorName,
                        long addresseeFacilityId, String addresseeFacility, String department, String doctor,
                        LetterStatus status, String statusReason, Instant sentAt, Instant receivedAt, Instant updatedAt,
                        LocalDate due, boolean overdue, UUID repliesTo, UUID replyId) {

    public boolean unread() {
        return receivedAt == null;
    }
}
