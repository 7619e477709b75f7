package org.musubi.fhirapi.mhd;

import java.util.Optional;
import java.util.UUID;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.access.Caller;
import org.musubi.letters.exchange.OpenLetter;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * ITI-68 Retrieve Document: {@code Binary/letter-<id>} is the letter's FHIR document byte for byte as signed (the
 * bytes its detached signature covers), {@code Binary/letter-<id>-signature} that signature (CMS),
 * {@code Binary/letter-<id>-pdf} its signed PDF — through {@link OpenLetter#signedDocument} and
 * {@link OpenLetter#pdf}, whose policy answers and audits (once). A letter the caller's facility neither sent nor
 * received, one without that part (no PDF, no signature), and an id of the letters' form that names nothing, are empty: the one 404 of an absent Binary.
 */
@Component
public class LetterBinaries {

    private final OpenLetter exchange;
    private final ReadRecords reads;

    LetterBinaries(OpenLetter exchange, ReadRecords reads) {
        this.exchange = exchange;
        this.reads = reads;
    }

    /** What a letter's Binary holds. */
    public record Content(String contentType, byte[] bytes) {
    }

    /** Whether {@code id} is a letter's Binary id (of the letters' form, well formed or not): then {@link #open} answers. */
    public static boolean serves(String id) {
        return LetterIds.isLetter(id);
    }

    public Optional<Content> open(Caller caller, String id) {
        Optional<LetterIds.Named> named = LetterIds.parse(id);
        if (named.isEmpty()) {
            reads.missed(caller.reader(), AuditAction.READ, "Binary", id);
            return Optional.empty();
        }
        UUID letter = named.get().letter();
        return switch (named.get().part()) {
            case PDF -> exchange.pdf(caller.reader(), letter).map(pdf -> new Content(MhdCodes.PDF, pdf));
            case DOCUMENT -> exchange.signedDocument(caller.reader(), letter)
                    .map(signed -> new Content(MhdCodes.FHIR_JSON, signed.document()));
            case SIGNATURE -> exchange.signedDocument(caller.reader(), letter).filter(signed -> signed.signature() != null)
                    .map(signed -> new Content(MhdCodes.CMS_SIGNATURE, signed.signature()));
        };
    }
}
