package org.musubi.record;

import java.util.Objects;
import org.musubi.audit.Purpose;

/**
 * Who reads or writes: the user (a person or an API client), the facility they act for, if any,
 * and the purpose of use they declare (treatment unless said otherwise).
 *
 * @param onlyPerson the one person this reader may read, whatever else the policy would allow: a resident's connected
 *     app (SMART) reads its resident's own person only, never someone the resident is a proxy for; {@code null} for
 *     every other reader
 */
public record Reader(long userId, Long facilityId, Purpose purpose, Long onlyPerson) {

    public Reader {
        Objects.requireNonNull(purpose, "purpose");
    }

    public Reader(long userId, Long facilityId, Purpose purpose) {
        this(userId, facilityId, purpose, null);
    }

    public Reader(long userId, Long facilityId) {
        this(userId, facilityId, Purpose.TREATMENT);
    }

    public boolean actsFor(long facility) {
        return facilityId != null && facilityId == facility;
    }

    /** Whether this reader may ask the policy about the person at all ({@link #onlyPerson}). */
    public boolean mayAsk(long personId) {
        return onlyPerson == null || onlyPerson == personId;
    }
}
