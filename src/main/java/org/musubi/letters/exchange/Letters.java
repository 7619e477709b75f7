package org.musubi.letters.exchange;

import org.musubi.letters.exchange.jdbc.LetterTable;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.musubi.audit.AuditAction;
import org.musubi.letters.Attachment;
import org.musubi.letters.Content;
import org.musubi.letters.LetterKind;
import org.musubi.record.ReadRecords;
import org.musubi.record.Reader;

/**
 * The letters exchange ({@link LetterExchange}): finds the letter a caller names and hands it to the part that
 * decides. A letter id nobody has is audited as a miss ({@link ReadRecords#missed}), so that it answers and leaves the
 * same trace as a letter the caller may not see.
 */
public final class Letters implements LetterExchange {

    /** Letters are dated in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Composing composing;
    private final Sending sending;
    private final Receiving receiving;
    private final Listings listings;
    private final Lookup lookup;

    /** The letter rows and the record's miss, for the look-up by id. */
    public record Lookup(LetterTable table, ReadRecords reads) {
    }

    public Letters(Composing composing, Sending sending, Receiving receiving, Listings listings, Lookup lookup) {
        this.composing = composing;
        this.sending = sending;
        this.receiving = receiving;
        this.listings = listings;
        this.lookup = lookup;
    }

    @Override
    public List<FacilityChoice> addressees(Reader author) {
        return composing.addressees(author);
    }

    @Override
    public Optional<Prefill> compose(Reader author, long personId, LetterKind kind, UUID repliesTo) {
        if (repliesTo == null) {
            return composing.compose(author, personId, kind, null);
        }
        Optional<LetterTable.Stored> answered = answerable(author, personId, repliesTo);
        if (answered.isEmpty()) {
            lookup.reads().missed(author, AuditAction.READ, "Letter", repliesTo.toString());
        }
        // The letter is addressed to the author's facility: that it cannot answer yet (the patient not yet its own,
        // linked by card) is no secret from it, and is said rather than answered as absent.
        return answered.map(a -> composing.compose(author, personId, kind, a.row()).orElseGet(() ->
                new Prefill(kind, new Content(null, null, null, null, null, null, null, null, null, null, null, null,
                        null), List.of(), a.row().patientName(), a.row().birthDate(), null, a.row(),
                        "letter.fault.notOurPatient", List.of())));
    }

    @Override
    public Attachment upload(Reader author, String title, String contentType, InputStream content) {
        return composing.upload(author, title, contentType, content);
    }

    @Override
    public Optional<String> preview(Reader author, long personId, LetterRequest request, Locale locale) {
        return composing.preview(author, personId, request, locale);
    }

    @Override
    public Optional<Draft> saveDraft(Reader author, long personId, UUID draftId, Instant seen, LetterRequest request) {
        return composing.saveDraft(author, personId, draftId, seen, request);
    }

    @Override
    public List<Draft> drafts(Reader author, long personId) {
        return composing.drafts(author, personId);
    }

    @Override
    public Optional<Draft> draft(Reader author, UUID draftId) {
        return composing.draft(author, draftId);
    }

    @Override
    public void deleteDraft(Reader author, UUID draftId) {
        composing.deleteDraft(author, draftId);
    }

    @Override
    public Sent send(Reader author, long personId, LetterRequest request, UUID draftId) {
        List<String> faults = sending.faults(author, request);
        if (!faults.isEmpty()) {
            return new Sent.Invalid(faults);
        }
        LetterTable.Stored answered = null;
        if (request.repliesTo() != null) {
            answered = answerable(author, personId, request.repliesTo()).orElse(null);
            if (answered == null) {
                lookup.reads().missed(author, AuditAction.CREATE, "Letter", request.repliesTo().toString());
                return new Sent.Refused();
            }
        }
        Sent sent = sending.send(author, personId, request, answered);
        if (sent instanceof Sent.Done done) {
            if (answered != null) {
                receiving.complete(author, answered, done.letter(), lookup.table().find(done.letter().id())
                        .map(LetterTable.Stored::documentId).orElseThrow());
            }
            if (draftId != null) {
                composing.deleteDraft(author, draftId);
            }
        }
        return sent;
    }

    /** The letter a reply answers: addressed to the author's facility, about the same person, not yet answered. */
    private Optional<LetterTable.Stored> answerable(Reader author, long personId, UUID id) {
        return lookup.table().find(id).filter(s -> author.facilityId() != null
                && author.actsFor(s.row().addresseeFacilityId()) && s.row().personId() == personId
                && s.row().status().open());
    }

    @Override
    public Sent sendDocument(Reader writer, String patientResourceId, byte[] bundleJson, byte[] signature,
                             long addresseeFacilityId, LocalDate due) {
        return sending.sendDocument(writer, patientResourceId, bundleJson, signature, addresseeFacilityId, due);
    }

    @Override
    public List<LetterRow> changedSince(Reader reader, Instant since, int limit) {
        return listings.changedSince(reader, since, limit);
    }

    @Override
    public Listing inbox(Reader reader, Set<LetterStatus> statuses, int page) {
        return listings.list(reader, true, statuses == null ? Set.of() : statuses, page);
    }

    @Override
    public Listing outbox(Reader reader, Set<LetterStatus> statuses, int page) {
        return listings.list(reader, false, statuses == null ? Set.of() : statuses, page);
    }

    @Override
    public Counts counts(Reader reader) {
        return listings.counts(reader);
    }

    @Override
    public Optional<Opened> open(Reader reader, UUID id) {
        return found(reader, id, AuditAction.READ, s -> receiving.open(reader, s));
    }

    @Override
    public Optional<byte[]> pdf(Reader reader, UUID id) {
        return found(reader, id, AuditAction.READ, s -> receiving.pdf(reader, s));
    }

    @Override
    public Optional<LetterRow> find(Reader reader, UUID id) {
        return found(reader, id, AuditAction.READ, s -> receiving.find(reader, s));
    }

    @Override
    public Optional<SignedDocument> signedDocument(Reader reader, UUID id) {
        return found(reader, id, AuditAction.READ, s -> receiving.signedDocument(reader, s));
    }

    @Override
    public Optional<AttachmentContent> attachment(Reader reader, UUID id, int index) {
        return found(reader, id, AuditAction.READ, s -> receiving.attachment(reader, s, index));
    }

    @Override
    public Optional<LetterRow> accept(Reader reader, UUID id) {
        return found(reader, id, AuditAction.UPDATE, s -> receiving.accept(reader, s));
    }

    @Override
    public Optional<LetterRow> decline(Reader reader, UUID id, String reason) {
        return found(reader, id, AuditAction.UPDATE, s -> receiving.decline(reader, s, reason));
    }

    @Override
    public Optional<LetterRow> cancel(Reader reader, UUID id, String reason) {
        return found(reader, id, AuditAction.UPDATE, s -> reader.facilityId() != null
                && reader.actsFor(s.row().senderFacilityId()) && listings.mayList(reader)
                ? sending.cancel(reader, s, reason) : receiving.refusedCancel(reader, s));
    }

    private <T> Optional<T> found(Reader reader, UUID id, AuditAction action,
                                  Function<LetterTable.Stored, Optional<T>> then) {
        Optional<LetterTable.Stored> stored = id == null ? Optional.empty() : lookup.table().find(id);
        if (stored.isEmpty()) {
            lookup.reads().missed(reader, action, "Letter", String.valueOf(id));
            return Optional.empty();
        }
        return then.apply(stored.get());
    }
}
