package org.musubi.consent;

import java.time.Instant;

/** A viewing facility's link to a person (連携): it sees the person only while the link is open. */
public record PatientLink(long id, long personId, long facilityId, Instant linkedAt, Instant lastUsedAt,
                          Instant endedAt) {

    public boolean open() {
        return endedAt == null;
    }
}
