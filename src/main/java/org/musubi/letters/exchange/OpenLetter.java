package org.musubi.letters.exchange;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/**
 * A letter read by its sender's or addressee's staff: opened (the addressee's first opening marks it received), its
 * signed PDF, its row, its FHIR document as signed, an attachment. Each read is one audit row; a letter the reader may
 * not see, and an id nobody has, answer empty alike.
 */
public final class OpenLetter {

    private final Receiving receiving;

    public OpenLetter(Receiving receiving) {
        this.receiving = receiving;
    }

    /** Opens the letter (the addressee's first opening marks it received); empty when absent for the reader. */
    public Optional<LetterExchange.Opened> open(Reader reader, UUID id) {
        return receiving.found(reader, id, AuditAction.READ, s -> receiving.open(reader, s));
    }

    /** The signed PDF. */
    public Optional<byte[]> pdf(Reader reader, UUID id) {
        return receiving.found(reader, id, AuditAction.READ, s -> receiving.pdf(reader, s));
    }

    /**
     * The letter's row for its sender's or addressee's staff, as the inbox lists it, without opening it (nothing is
     * marked received): one audit row; empty when absent for the reader (MHD's reads by id).
     */
    public Optional<LetterRow> find(Reader reader, UUID id) {
        return receiving.found(reader, id, AuditAction.READ, s -> receiving.find(reader, s));
    }

    /**
     * The letter's FHIR document byte for byte as signed (the bytes its detached signature covers; MHD ITI-68), as
     * {@link #open} reads it: one audit row, the addressee's first reading marks it received; empty when absent for
     * the reader.
     */
    public Optional<LetterExchange.SignedDocument> signedDocument(Reader reader, UUID id) {
        return receiving.found(reader, id, AuditAction.READ, s -> receiving.signedDocument(reader, s));
    }

    /** An attachment's content. */
    public Optional<LetterExchange.AttachmentContent> attachment(Reader reader, UUID id, int index) {
        return receiving.found(reader, id, AuditAction.READ, s -> receiving.attachment(reader, s, index));
    }
}
