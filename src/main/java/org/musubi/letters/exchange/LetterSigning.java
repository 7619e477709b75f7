package org.musubi.letters.exchange;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.blob.Blob;
import org.musubi.letters.Letter;
import org.musubi.letters.clins.ClinsDocuments;

/**
 * A letter rendered and signed before the write door's transaction opens, so that the transaction only stores (no
 * call to a signer, a card, a remote signing service or a time-stamp authority, nor to the blob store, while it holds
 * a connection and the letter number's lock). What the letter says is first read in the door ({@link Unsigned}: that
 * attempt rolls back, leaving nothing stored and no audit row), then signed here, then stored by a second attempt that
 * finds the letter unchanged — or, when it changed meanwhile (another letter of the facility took its number), signs it
 * again. The files are put before the letter's row exists: one whose transaction then fails is swept as unreferenced
 * ({@link LetterFileSweep}), the attachments taken from the record as well (named by the letter's id, the same in every
 * attempt).
 */
final class LetterSigning {

    /** How often a letter is signed again when it changed between its reading and its storing, before giving up. */
    static final int ATTEMPTS = 10;

    private final LetterFiles files;
    private final LetterResources resources;

    LetterSigning(LetterFiles files, LetterResources resources) {
        this.files = files;
        this.resources = resources;
    }

    /** What a letter is sent as, chosen once before its first attempt: its ids and the instant it is issued at. */
    record Draft(UUID id, String documentId, String taskId, Instant issued) {

        static Draft at(Instant issued) {
            return new Draft(UUID.randomUUID(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), issued);
        }
    }

    /** A letter as signed: its document Bundle and that Bundle's signature, its PDF and the Bundle's file. */
    record Signed(Letter letter, Bundle document, byte[] signature, Blob pdf, Blob documentBlob) {
    }

    /**
     * Thrown inside the write door when the letter read there is not (or no longer) the one signed: it rolls the
     * attempt back, carrying the letter to sign and the attached files to keep.
     */
    static final class Unsigned extends RuntimeException {

        private final transient Letter letter;
        private final transient Map<String, byte[]> attached;

        /** {@code attached}: the attachments' contents taken from the record, by the names of their parts. */
        Unsigned(Letter letter, Map<String, byte[]> attached) {
            super("the letter is to be signed before it is stored", null, false, false);
            this.letter = letter;
            this.attached = Map.copyOf(attached);
        }
    }

    /** Renders and signs the letter {@code unsigned} read (by {@code userId}), and puts its files in the blob store. */
    Signed sign(long userId, Unsigned unsigned, Draft draft) {
        Letter letter = unsigned.letter;
        unsigned.attached.forEach(files::keep);
        Bundle document = resources.tagged(ClinsDocuments.document(letter), draft.documentId(), letter.kind());
        byte[] bytes = resources.bytes(document);
        byte[] signature = files.signBundle(userId, bytes);
        Blob pdf = files.keep(files.signedPdf(userId, letter));
        return new Signed(letter, document, signature, pdf, files.keep(bytes));
    }
}
