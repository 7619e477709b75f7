package org.musubi.policy.disclosure;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.musubi.policy.Disclosure;

/** The disclosures as stored: written once, never changed. */
public interface DisclosureRows {

    /**
     * Stores {@code disclosure}, made for the wing's row {@code source}, with what the wing has of its purpose and
     * until when it holds (null when nothing); its id. A source already disclosed is refused (the table's unique key).
     */
    long insert(String source, Disclosure disclosure, String purpose, Instant until);

    /** The disclosure with this id, if one was made. */
    Optional<Disclosure> find(long id);

    /** The id of the disclosure made for the wing's row {@code source}, if one was made. */
    OptionalLong idOf(String source);
}
