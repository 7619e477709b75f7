package org.musubi.registry;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is administering: a network admin manages everything; a facility admin manages the users
 * of the facilities they administer and nothing else.
 */
public record Administrator(long userId, boolean networkAdmin, Set<Long> adminFacilityIds) {

    public Administrator {
        adminFacilityIds = Set.copyOf(adminFacilityIds);
    }

    public static Administrator of(User user) {
        Set<Long> facilities = user.memberships().stream()
                .filter(User.Membership::facilityAdmin).map(User.Membership::facilityId)
                .collect(Collectors.toSet());
        return new Administrator(user.id(), user.networkAdmin(), facilities);
    }

    public boolean mayManageFacilities() {
        return networkAdmin;
    }

    /**
     * May see and change this user: network admins always, facility admins for their members; never a resident's own
     * account, which only the resident's registration with a new enrolment code changes.
     */
    public boolean mayManage(User user) {
        return user.resident() ? false : networkAdmin
                || (!user.networkAdmin() && user.memberships().stream()
                        .anyMatch(m -> adminFacilityIds.contains(m.facilityId())));
    }

    /** May give a user this set of memberships and this network-admin flag. */
    public boolean mayAssign(UserDraft draft) {
        return networkAdmin
                || (!draft.networkAdmin() && !draft.memberships().isEmpty() && draft.memberships().stream()
                        .allMatch(m -> adminFacilityIds.contains(m.facilityId())));
    }
}
