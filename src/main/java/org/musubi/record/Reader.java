package org.musubi.record;

/** Who reads or writes: the user (a person or an API client) and the facility they act for, if any. */
public record Reader(long userId, Long facilityId) {

    public boolean actsFor(long facility) {
        return facilityId != null && facilityId == facility;
    }
}
