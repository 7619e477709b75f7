package org.musubi.record;

import java.util.Objects;
import org.musubi.audit.Purpose;

/**
 * Who reads or writes: the user (a person or an API client), the facility they act for, if any,
 * and the purpose of use they declare (treatment unless said otherwise).
 */
public record Reader(long userId, Long facilityId, Purpose purpose) {

    public Reader {
        Objects.requireNonNull(purpose, "purpose");
    }

    public Reader(long userId, Long facilityId) {
        this(userId, facilityId, Purpose.TREATMENT);
    }

    public boolean actsFor(long facility) {
        return facilityId != null && facilityId == facility;
    }
}
