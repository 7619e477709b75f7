package org.musubi.emergency;

import java.time.Instant;

/**
 * A crew's hand-over of a person to the receiving hospital: for a limited time that facility's emergency professions
 * may open the person's emergency minimum dataset. Addressed by its random token, never by its id.
 *
 * @param fromAccessId the crew's emergency access it was made under
 */
public record HandOver(long id, String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                       Instant createdAt, Instant expiresAt) {

    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "HandOver[" + id + " to facility " + toFacilityId + " until " + expiresAt + "]";
    }
}
