package org.musubi.letters.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.musubi.medication.MedicationAlert;
import java.util.Optional;
import java.util.UUID;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.signature.Verification;

/**
 * Letters between facilities: compose from the record, send (signed JP-CLINS document, FHIR Task, rendered and signed
 * PDF), receive in the addressee's inbox, open, accept or return, answer with a reply. Every read or write of patient
 * data goes through the access policy and leaves one audit row; what a caller may not see answers as absent
 * ({@link Optional#empty()}), exactly like a letter that does not exist.
 * <ul>
 * <li>The sender writes under its own source patient of the person (the facility must have standing: the patient
 * linked there by card) — the record's write door ({@code WriteRecords.enter}, gate {@code actAsHolder}).</li>
 * <li>The addressee reads the letter addressed to it before any link (like a fax), never the rest of the record
 * ({@code ReadRecords.readDisclosed}); it changes the letter's status (received, accepted, rejected) as the Task's
 * owner.</li>
 * </ul>
 * This type holds the exchange's values; its acts are one use case each: {@link ComposeLetter}, {@link
 * KeepLetterDrafts}, {@link SendLetter}, {@link SendLetterDocument} (MHD ITI-65), {@link ListLetters}, {@link
 * OpenLetter}, {@link AnswerLetter}, {@link CancelLetter}.
 */
public interface LetterExchange {

    /** Letters are dated in Japan. */
    ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    /** Largest upload for one attachment (20 MiB). */
    long MAX_UPLOAD = 20L * 1024 * 1024;

    /** A facility a letter may go to. */
    record FacilityChoice(long id, String name, String kind) {
    }

    /** Something of the record the author may attach: a document, a lab result, a report. */
    record Pick(String reference, String title, String contentType, LocalDate date) {
    }

    /**
     * The composer's start: content prefilled from what the author sees of the record (active diagnoses, allergies,
     * current medicines, recent results), what may be attached, and the patient as the sender's record holds them.
     *
     * @param content       the prefilled content (editable)
     * @param picks         what of the record may be attached
     * @param patientName   the patient's name (漢字)
     * @param insuranceMemberId the member identifier when the record holds one, else {@code null}
     * @param repliesTo     the letter being answered (a reply), or {@code null}
     * @param unavailable   for a reply the reader may not write yet, why (a message key: the patient is not yet the
     *                      facility's own, linked by card), the rest empty; {@code null} when the composer opens
     */
    record Prefill(LetterKind kind, Content content, List<Pick> picks, String patientName, LocalDate birthDate,
                   String insuranceMemberId, LetterRow repliesTo, String unavailable, List<MedicationAlert> alerts) {

        public Prefill {
            alerts = alerts == null ? List.of() : List.copyOf(alerts);
        }
    }

    /** A draft being written (only its author sees it). */
    record Draft(UUID id, long personId, LetterRequest request, Instant updatedAt) {
    }

    /** What a send came to. */
    sealed interface Sent {
        /** Sent: the letter as its sender's outbox lists it. */
        record Done(LetterRow letter) implements Sent {
        }

        /** Not sent: what is wrong, as message keys or texts (Japanese first, English after " / "). */
        record Invalid(List<String> faults) implements Sent {
        }

        /** Refused by the policy (or the person/letter replied to does not exist for the caller): answer as 404. */
        record Refused() implements Sent {
        }
    }

    /** A draft saved again since the form that would save it was opened: nothing of this save was stored. */
    final class DraftChanged extends RuntimeException {
        public DraftChanged(UUID draft) {
            super("draft " + draft + " was saved again meanwhile");
        }
    }

    /** A page of letters. */
    record Listing(List<LetterRow> rows, int page, boolean more) {
    }

    /** The counts the home page shows to the addressee's staff. */
    record Counts(int unread, int overdue, int open) {
    }

    /** A status change, for the letter's history. */
    record Event(LetterStatus status, Instant at, String by, String reason) {
    }

    /**
     * A letter opened by its sender's or addressee's staff.
     *
     * @param letter    the letter as composed ({@code null} for a document a system sent: then {@code documentJson})
     * @param documentJson the FHIR document Bundle as stored
     * @param pdfSignature    the PDF's signature check
     * @param bundleSignature the Bundle's detached signature check
     * @param addressed whether the reader is the addressee (may accept, return, reply)
     * @param attachments the attachments (index = position)
     */
    record Opened(LetterRow row, Letter letter, String documentJson, Verification pdfSignature,
                  Verification bundleSignature, boolean addressed, List<Attachment> attachments, List<Event> history) {
    }

    /** A letter's FHIR document exactly as signed and sent, and its detached signature ({@code null} when unsigned). */
    record SignedDocument(byte[] document, byte[] signature) {
    }

    /** An attachment's content. */
    record AttachmentContent(String title, String contentType, byte[] content) {
    }

}
