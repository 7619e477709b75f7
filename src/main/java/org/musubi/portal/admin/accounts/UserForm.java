package org.musubi.portal.admin.accounts;

import java.util.List;
import org.musubi.registry.Profession;
import org.musubi.registry.User;
import org.musubi.registry.UserDraft;
import org.musubi.registry.UserStatus;

/** The user form's fields: memberships as facility ids, and which of them the user administers. */
record UserForm(String loginId, String nameKanji, String nameKana, Profession profession, List<Long> facilityIds,
                List<Long> adminFacilityIds, Boolean networkAdmin, UserStatus status) {

    UserForm {
        facilityIds = facilityIds == null ? List.of() : List.copyOf(facilityIds);
        adminFacilityIds = adminFacilityIds == null ? List.of() : List.copyOf(adminFacilityIds);
        networkAdmin = Boolean.TRUE.equals(networkAdmin);
    }

    static UserForm empty(Long facilityId) {
        return new UserForm("", "", "", Profession.DOCTOR, facilityId == null ? List.of() : List.of(facilityId),
                List.of(), false, UserStatus.ACTIVE);
    }

    static UserForm of(User u) {
        return new UserForm(u.loginId(), u.nameKanji(), u.nameKana(), u.profession(),
                u.memberships().stream().map(User.Membership::facilityId).toList(),
                u.memberships().stream().filter(User.Membership::facilityAdmin).map(User.Membership::facilityId).toList(),
                u.networkAdmin(), u.status());
    }

    UserDraft draft() {
        List<User.Membership> memberships = facilityIds.stream().distinct()
                .map(id -> new User.Membership(id, adminFacilityIds.contains(id))).toList();
        return new UserDraft(loginId, nameKanji, nameKana, profession, memberships, networkAdmin, status);
    }
}
