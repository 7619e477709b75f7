package org.musubi.fhirapi.mhd;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FHIR ids of a letter's synthesised resources: {@code letter-<uuid>} for its DocumentReference, its SubmissionSet
 * List and its document ({@code Binary}), {@code letter-<uuid>-pdf} for its PDF, {@code letter-<uuid>-signature} for
 * the detached signature over its document. The prefix keeps them apart from the ids the record assigns (random
 * UUIDs), so that a read goes to exactly one store and leaves exactly one audit row.
 */
public final class LetterIds {

    static final String PREFIX = "letter-";
    private static final Pattern FORM = Pattern.compile(
            "letter-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-pdf|-signature)?");

    private LetterIds() {
    }

    /** Which of a letter's Binaries an id names. */
    public enum Part {
        DOCUMENT(""), PDF("-pdf"), SIGNATURE("-signature");

        private final String suffix;

        Part(String suffix) {
            this.suffix = suffix;
        }
    }

    /** A letter's Binary named by a FHIR id: the letter's id, and which of its Binaries. */
    public record Named(UUID letter, Part part) {
    }

    /** Whether the id is of the letters' form (whatever letter it names, existing or not). */
    public static boolean isLetter(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    /** The letter an id names; empty for an id not of the letters' form (or a malformed one). */
    public static Optional<Named> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        Part part = m.group(2) == null ? Part.DOCUMENT : m.group(2).equals(Part.PDF.suffix) ? Part.PDF : Part.SIGNATURE;
        return Optional.of(new Named(UUID.fromString(m.group(1)), part));
    }

    public static String of(UUID letter) {
        return PREFIX + letter;
    }

    /** The id of one of the letter's Binaries. */
    public static String of(UUID letter, Part part) {
        return PREFIX + letter + part.suffix;
    }
}
