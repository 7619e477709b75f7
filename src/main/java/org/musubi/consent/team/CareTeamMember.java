package org.musubi.consent.team;

import java.time.Instant;
import java.util.UUID;

/**
 * A member of a person's care team, as an access grant: the user, the facility they joined for, their role in the
 * team, who invited them, and until when ({@code validUntil} null: until they leave; {@code endedAt}: when they left
 * or were removed).
 */
public record CareTeamMember(UUID teamId, long personId, long userId, long facilityId, String role, long invitedBy,
                             Instant joinedAt, Instant validUntil, Instant endedAt) {

    /** Whether the membership lets the member in at {@code now}. */
    public boolean liveAt(Instant now) {
        return endedAt == null && (validUntil == null || now.isBefore(validUntil));
    }
}
