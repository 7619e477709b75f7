package org.musubi.letters.exchange;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.musubi.medication.MedicationAlert;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.Letter;
import org.musubi.letters.LetterKind;
import org.musubi.record.Reader;
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
 */
public interface LetterExchange {

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

    /** Facilities of the network a letter may be addressed to (active, not the author's own). */
    List<FacilityChoice> addressees(Reader author);

    /** The composer's start for person {@code personId}; empty when the author may not write for the person. */
    Optional<Prefill> compose(Reader author, long personId, LetterKind kind, UUID repliesTo);

    /**
     * Keeps an uploaded file for a letter being written (not yet part of anyone's record).
     *
     * @throws java.io.UncheckedIOException whose cause is {@link org.musubi.blob.BlobStore.TooLarge} beyond {@link
     *     #MAX_UPLOAD}, or another {@link java.io.IOException} when the blob store fails
     */
    Attachment upload(Reader author, String title, String contentType, InputStream content);

    /** The HTML of the letter as it would be sent (nothing stored); empty when refused. */
    Optional<String> preview(Reader author, long personId, LetterRequest request, Locale locale);

    /** Saves a draft (new when {@code draftId} is null); empty when refused. */
    default Optional<Draft> saveDraft(Reader author, long personId, UUID draftId, LetterRequest request) {
        return saveDraft(author, personId, draftId, null, request);
    }

    /**
     * As above, for a form opened on the draft as saved at {@code seen} (null: not said): when the draft was saved again
     * since (in another tab or window), nothing is stored and {@link DraftChanged} says so.
     */
    Optional<Draft> saveDraft(Reader author, long personId, UUID draftId, Instant seen, LetterRequest request);

    /** A draft saved again since the form that would save it was opened: nothing of this save was stored. */
    final class DraftChanged extends RuntimeException {
        public DraftChanged(UUID draft) {
            super("draft " + draft + " was saved again meanwhile");
        }
    }

    /** The author's drafts for the person, newest first. */
    List<Draft> drafts(Reader author, long personId);

    /** One of the author's drafts. */
    Optional<Draft> draft(Reader author, UUID draftId);

    void deleteDraft(Reader author, UUID draftId);

    /**
     * Signs and sends the letter (and deletes the draft {@code draftId} when given). A reply ({@link
     * LetterRequest#repliesTo}) completes the letter it answers.
     */
    Sent send(Reader author, long personId, LetterRequest request, UUID draftId);

    /** A page of letters. */
    record Listing(List<LetterRow> rows, int page, boolean more) {
    }

    /**
     * A FHIR document Bundle an EHR sends as a letter (MHD ITI-65): stored under the writer's facility's own patient
     * (the Patient resource {@code patientResourceId} it wrote earlier, linked to a person with standing), with a Task
     * to {@code addresseeFacilityId}. No PDF is rendered (the document is the letter; the viewer shows its sections);
     * {@code signature}, when given, is a detached CMS signature over exactly {@code bundleJson}.
     */
    Sent sendDocument(Reader writer, String patientResourceId, byte[] bundleJson, byte[] signature,
                      long addresseeFacilityId, LocalDate due);

    /**
     * Letters to or from the reader's facility whose status changed after {@code since}, oldest change first, at most
     * {@code limit} (a system's polling; one audit row naming them).
     */
    List<LetterRow> changedSince(Reader reader, Instant since, int limit);

    /** The counts the home page shows to the addressee's staff. */
    record Counts(int unread, int overdue, int open) {
    }

    /** The reader's facility's inbox, newest first, of these statuses (all when empty); 50 a page. */
    Listing inbox(Reader reader, Set<LetterStatus> statuses, int page);

    /** The reader's facility's sent letters, newest first. */
    Listing outbox(Reader reader, Set<LetterStatus> statuses, int page);

    Counts counts(Reader reader);

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

    /** Opens the letter (the addressee's first opening marks it received); empty when absent for the reader. */
    Optional<Opened> open(Reader reader, UUID id);

    /** The signed PDF. */
    Optional<byte[]> pdf(Reader reader, UUID id);

    /**
     * The letter's row for its sender's or addressee's staff, as the inbox lists it, without opening it (nothing is
     * marked received): one audit row; empty when absent for the reader (MHD's reads by id).
     */
    Optional<LetterRow> find(Reader reader, UUID id);

    /** A letter's FHIR document exactly as signed and sent, and its detached signature ({@code null} when unsigned). */
    record SignedDocument(byte[] document, byte[] signature) {
    }

    /**
     * The letter's FHIR document byte for byte as signed (the bytes its detached signature covers; MHD ITI-68), as
     * {@link #open} reads it: one audit row, the addressee's first reading marks it received; empty when absent for
     * the reader.
     */
    Optional<SignedDocument> signedDocument(Reader reader, UUID id);

    /** An attachment's content. */
    record AttachmentContent(String title, String contentType, byte[] content) {
    }

    Optional<AttachmentContent> attachment(Reader reader, UUID id, int index);

    /** The addressee accepts the letter (the patient will be seen). */
    Optional<LetterRow> accept(Reader reader, UUID id);

    /** The addressee returns the letter with a reason (cannot take the patient). */
    Optional<LetterRow> decline(Reader reader, UUID id, String reason);

    /** The sender withdraws a letter not yet answered. */
    Optional<LetterRow> cancel(Reader reader, UUID id, String reason);
}
