package org.musubi.letters.exchange;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.record.Reader;

/** The sender withdraws a letter not yet answered; anyone else is refused as for a letter not there. */
public final class CancelLetter {

    private final Receiving receiving;
    private final Sending sending;
    private final ListLetters listings;

    public CancelLetter(Receiving receiving, Sending sending, ListLetters listings) {
        this.receiving = receiving;
        this.sending = sending;
        this.listings = listings;
    }

    /** The sender withdraws a letter not yet answered. */
    public Optional<LetterRow> cancel(Reader reader, UUID id, String reason) {
        return receiving.found(reader, id, AuditAction.UPDATE, s -> reader.facilityId() != null
                && reader.actsFor(s.row().senderFacilityId()) && listings.mayList(reader)
                ? sending.cancel(reader, s, reason) : receiving.refusedCancel(reader, s));
    }
}
