package org.musubi.policy;

import org.musubi.registry.Profession;

/**
 * Who asks, as the policy sees them.
 *
 * @param facilityId the facility the user acts for; {@code null} for users without one (network
 *     operators, patients)
 * @param facilityActive whether that facility is active (not suspended); ignored without a facility
 * @param facilityViewing whether that facility is a viewing (参照) facility
 * @param profession {@link Profession#RESIDENT} for a resident (PHR), who sees data only through self access
 * @param ownPersonId the regional person the requester is, when the requester is the patient
 *     themself (PHR); {@code null} otherwise
 * @param disasterResponder whether the requester's facility is a designated disaster responder (災害モード): its
 *     emergency accesses reach only persons disaster mode covers
 */
public record Requester(
        long userId,
        boolean userActive,
        Long facilityId,
        boolean facilityActive,
        boolean facilityViewing,
        Profession profession,
        boolean networkAdmin,
        Long ownPersonId,
        boolean disasterResponder) {

    /** A requester whose facility is no disaster responder. */
    public Requester(long userId, boolean userActive, Long facilityId, boolean facilityActive, boolean facilityViewing,
                     Profession profession, boolean networkAdmin, Long ownPersonId) {
        this(userId, userActive, facilityId, facilityActive, facilityViewing, profession, networkAdmin, ownPersonId, false);
    }

    /** Whether the requester acts for the given facility. */
    public boolean actsFor(long facility) {
        return facilityId != null && facilityId == facility;
    }

    /** Whether the requester is the given person (the patient themself). */
    public boolean isPerson(long personId) {
        return ownPersonId != null && ownPersonId == personId;
    }

    public boolean facilitySuspended() {
        return facilityId != null && !facilityActive;
    }
}
