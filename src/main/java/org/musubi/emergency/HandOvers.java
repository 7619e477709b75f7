package org.musubi.emergency;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The hand-overs crews made (append-only: a hand-over simply expires). */
public interface HandOvers {

    HandOver create(String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                    Instant expiresAt);

    /**
     * Makes again, on the writable database, a hand-over made on a read-only standby (from the standby's audit spool):
     * as it was, under a new token, created at {@code createdAt}. A hand-over of the same person by the same user to the
     * same facility at that instant is the same one: it is returned and nothing is added (a merge may be repeated).
     */
    HandOver recreate(String token, long personId, long fromUserId, long fromAccessId, long toFacilityId,
                      Instant createdAt, Instant expiresAt);

    Optional<HandOver> byToken(String token);

    /** The live hand-overs to this facility (its emergency room's inbox), newest first. */
    List<HandOver> liveFor(long facilityId, Instant now);

    /** The hand-overs made under these emergency accesses (for the operators' review). */
    List<HandOver> madeUnder(Collection<Long> accessIds);

    /** Hand-overs by id (for the operators' review of the accesses opened from them). */
    List<HandOver> byIds(Collection<Long> ids);
}
