package org.musubi.fhirapi.mhd;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FHIR ids of a letter's synthesised resources: {@code letter-<uuid>} for its DocumentReference, its SubmissionSet
 * List and its document ({@code Binary}), {@code letter-<uuid>-pdf} for its PDF. The prefix keeps them apart from the
 * record's own ids (random UUIDs), so that a read goes to exactly one store and leaves exactly one audit row.
 */
public final class LetterIds {

    static final String PREFIX = "letter-";
    static final String PDF = "-pdf";
    private static final Pattern FORM = Pattern.compile("letter-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-pdf)?");

    private LetterIds() {
    }

    /** A letter named by a FHIR id: its id, and whether the id names the PDF. */
    public record Named(UUID letter, boolean pdf) {
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
        return Optional.of(new Named(UUID.fromString(m.group(1)), m.group(2) != null));
    }

    public static String of(UUID letter) {
        return PREFIX + letter;
    }

    public static String pdfOf(UUID letter) {
        return PREFIX + letter + PDF;
    }
}
