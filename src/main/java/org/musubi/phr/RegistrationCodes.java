package org.musubi.phr;

import java.time.Instant;
import java.util.List;

/** The registration codes issued to persons, kept as hashes only. */
public interface RegistrationCodes {

    /** A code as stored: never the code itself. */
    record Stored(long id, long personId, String codeHash, Instant expiresAt, int failedAttempts) {
    }

    void issue(long personId, String codeHash, long issuedBy, Long facilityId, Instant expiresAt);

    /** The person's codes that may still be used at {@code now}: not used, not void, not expired. */
    List<Stored> live(long personId, Instant now);

    /**
     * Counts one wrong try against each of the person's live codes; voids those reaching {@code maxAttempts}.
     * Returns how many codes were voided now.
     */
    int countFailure(long personId, Instant now, int maxAttempts);

    /** Marks the code used, once; false when it was used or voided meanwhile. */
    boolean use(long codeId, Instant now);
}
