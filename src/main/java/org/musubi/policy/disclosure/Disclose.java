package org.musubi.policy.disclosure;

import java.time.Instant;
import java.util.Objects;
import org.musubi.policy.Disclosure;

/**
 * Another party is let see part of a person's record: the one act by which a wing records what it made — a letter
 * sent, a consultation asked, a study sent for reading or entered in a programme, a Box file about a person sent, a
 * municipal document sent — as a {@link Disclosure}, called inside the wing's own database transaction, so that the
 * thing and its disclosure are made together or not at all. What the party then reads and answers goes through the
 * record's doors by the disclosure's id ({@link #idOf}), decided on what was stored here ({@link Disclosures}), never
 * on a value the wing builds again. Not audited: the wing's act is, once.
 *
 * <p>{@code source} names the wing's row the disclosure was made for, {@code <wing>:<the row's id>} (e.g. {@code
 * letter:<uuid>}); it is unique, and it is how the wing finds its disclosure again.
 */
public final class Disclose {

    /** The id no disclosure has: the doors refuse it as they refuse an unknown person. */
    public static final long NONE = 0;

    private final DisclosureRows rows;

    public Disclose(DisclosureRows rows) {
        this.rows = rows;
    }

    /** Records {@code disclosure} made for the wing's row {@code source}; its id. */
    public long disclose(String source, Disclosure disclosure) {
        return disclose(source, disclosure, null, null);
    }

    /**
     * Records {@code disclosure} made for the wing's row {@code source}, with what the wing has of its purpose (e.g. a
     * letter's kind) and until when it holds (e.g. a Box file's expiry), null when nothing; its id. A source disclosed
     * already is refused (the table's unique key): one disclosure per thing made.
     */
    public long disclose(String source, Disclosure disclosure, String purpose, Instant until) {
        Objects.requireNonNull(disclosure, "disclosure");
        if (source == null || source.isBlank() || source.length() > 200 || source.indexOf(':') <= 0) {
            throw new IllegalArgumentException("a disclosure's source is <wing>:<id>: " + source);
        }
        return rows.insert(source, disclosure, purpose, until);
    }

    /**
     * The id of the disclosure made for the wing's row {@code source}, which the wing passes to the record's doors;
     * {@link #NONE} when none was made, which the doors answer as a disclosure nobody was given.
     */
    public long idOf(String source) {
        return rows.idOf(source).orElse(NONE);
    }
}
