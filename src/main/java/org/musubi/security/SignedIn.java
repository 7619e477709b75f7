package org.musubi.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The signed-in user as the rest of Musubi sees them. Serializable: a browser session keeps it (in its security context)
 * in the database, as Java serialisation (issue 41). A {@link Principal} named by the login id: the name the session
 * table indexes the session under.
 */
public record SignedIn(long userId, String loginId, String displayName, Long facilityId, String profession,
                       boolean networkAdmin, Set<Long> adminFacilityIds) implements Serializable, Principal {

    public SignedIn {
        adminFacilityIds = Set.copyOf(adminFacilityIds);
    }

    @Override
    public String getName() {
        return loginId;
    }

    public boolean facilityAdmin() {
        return !adminFacilityIds.isEmpty();
    }
}
