package org.musubi.security;

import java.util.Set;

/** The signed-in user as the rest of Musubi sees them. */
public record SignedIn(long userId, String loginId, String displayName, Long facilityId, String profession,
                       boolean networkAdmin, Set<Long> adminFacilityIds) {

    public SignedIn {
        adminFacilityIds = Set.copyOf(adminFacilityIds);
    }

    public boolean facilityAdmin() {
        return !adminFacilityIds.isEmpty();
    }
}
