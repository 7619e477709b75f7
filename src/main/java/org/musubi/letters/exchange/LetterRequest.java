package org.musubi.letters.exchange;

import java.time.LocalDate;
import java.util.UUID;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;

/**
 * What the composer (or a system) asks to send: the rest of the letter (number, author, sender, patient, time) the
 * exchange fills from the registry and the sender's record.
 *
 * @param kind                the kind of letter
 * @param addresseeFacilityId the receiving facility, in the registry
 * @param department          the addressee's department, or {@code null}
 * @param doctor              the addressee's doctor, or {@code null}
 * @param content             what it says; attachments are {@code Stored} (a resource of the record the author sees)
 *                            or {@code Uploaded} ({@link ComposeLetter#upload})
 * @param insuranceMemberId   the patient's insurance member identifier ({@code 保険者番号:記号:番号:枝番}); required
 *                            for a national kind (referral, discharge summary), else {@code null}
 * @param repliesTo           the letter this answers (a reply), or {@code null}
 * @param due                 when the sender expects an answer (overdue after it), or {@code null}
 */
public record LetterRequest(LetterKind kind, long addresseeFacilityId, String department, String doctor,
                            Content content, String insuranceMemberId, UUID repliesTo, LocalDate due) {
}
