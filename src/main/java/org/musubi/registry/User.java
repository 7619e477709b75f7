package org.musubi.registry;

import java.util.List;
import java.util.Optional;

/**
 * A person who logs in: staff of one or more facilities, a network operator, or a resident using their own health
 * notebook ({@code personId} set, profession {@link Profession#RESIDENT}, no memberships).
 *
 * @param personId the regional person a resident's account belongs to; {@code null} for everyone else
 * @param sessionEpoch how many times the account's sessions were ended (a confirmed recovery of a resident's account):
 *                     a session signed in under an earlier epoch ends on its next request
 */
public record User(
        long id,
        String loginId,
        String nameKanji,
        String nameKana,
        Profession profession,
        List<Membership> memberships,
        boolean networkAdmin,
        UserStatus status,
        boolean demo,
        Long personId,
        int sessionEpoch) {

    public User {
        memberships = List.copyOf(memberships);
    }

    /** Membership of a facility; a facility admin manages that facility's users. */
    public record Membership(long facilityId, boolean facilityAdmin) {
    }

    /** Whether this is a resident's own account (PHR), not staff. */
    public boolean resident() {
        return personId != null;
    }

    public boolean active() {
        return status == UserStatus.ACTIVE;
    }

    /** The facility the user acts for: the first membership (ordered by facility id). */
    public Optional<Long> actingFacilityId() {
        return memberships.stream().map(Membership::facilityId).findFirst();
    }

    public boolean adminOf(long facilityId) {
        return memberships.stream().anyMatch(m -> m.facilityId() == facilityId && m.facilityAdmin());
    }

    public boolean facilityAdmin() {
        return memberships.stream().anyMatch(Membership::facilityAdmin);
    }
}
