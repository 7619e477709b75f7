package org.musubi.portal.admin.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.musubi.audit.AuditRecord;
import org.musubi.consent.EmergencyAccess;
import org.musubi.identity.IdentityStore;
import org.musubi.identity.Person;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.registry.User;
import org.musubi.registry.Users;
import org.springframework.stereotype.Component;

/**
 * The names an operator's list shows instead of bare ids: the users, facilities and persons its rows name, looked up
 * once per page. Only network operators see these lists (the audit trail, the emergency accesses to review).
 */
@Component
class ScreenNames {

    private final Users users;
    private final Facilities facilities;
    private final IdentityStore identities;

    ScreenNames(Users users, Facilities facilities, IdentityStore identities) {
        this.users = users;
        this.facilities = facilities;
        this.identities = identities;
    }

    /** The ids the audit trail knows a person by (its regional ID and those it had before). */
    List<String> auditIdsOf(String regionalId) {
        return identities.namesInAudit(regionalId);
    }

    Names ofAudit(List<AuditRecord> rows) {
        Map<Long, User> byUser = users(rows.stream().map(r -> r.actor().userId()).toList());
        Map<Long, Facility> byFacility = facilities(rows.stream().map(r -> r.actor().facilityId()).toList());
        Map<String, Person> byRegionalId = new HashMap<>();
        rows.stream().map(AuditRecord::patientId).filter(Objects::nonNull).distinct().forEach(id ->
                identities.personByRegionalId(id).ifPresent(p -> byRegionalId.put(id, p.person())));
        return new Names(byUser, byFacility, byRegionalId, Map.of());
    }

    /**
     * The names of the accesses' users, persons and facilities (those they acted for, and {@code moreFacilities}), and
     * of {@code moreUsers} (the crews whose hand-overs the accesses were opened from).
     */
    Names ofEmergencies(List<EmergencyAccess> accesses, List<Long> moreFacilities, List<Long> moreUsers) {
        List<Long> userIds = new ArrayList<>(accesses.stream().map(EmergencyAccess::userId).toList());
        userIds.addAll(moreUsers);
        Map<Long, User> byUser = users(userIds);
        List<Long> facilityIds = new ArrayList<>(moreFacilities);
        byUser.values().forEach(u -> u.actingFacilityId().ifPresent(facilityIds::add));
        accesses.stream().map(EmergencyAccess::facilityId).filter(Objects::nonNull).forEach(facilityIds::add);
        Map<Long, Facility> byFacility = facilities(facilityIds);
        Map<Long, Person> byPerson = new HashMap<>();
        accesses.stream().map(EmergencyAccess::personId).distinct().forEach(id ->
                identities.person(id).ifPresent(p -> byPerson.put(id, p.person())));
        return new Names(byUser, byFacility, Map.of(), byPerson);
    }

    private Map<Long, User> users(Collection<Long> ids) {
        Map<Long, User> found = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct().forEach(id -> users.find(id).ifPresent(u -> found.put(id, u)));
        return found;
    }

    private Map<Long, Facility> facilities(Collection<Long> ids) {
        Map<Long, Facility> found = new HashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> facilities.find(id).ifPresent(f -> found.put(id, f)));
        return found;
    }

    /** The users, facilities and persons (by regional ID, or by person id) of one page's rows. */
    record Names(Map<Long, User> users, Map<Long, Facility> facilities, Map<String, Person> patients,
                 Map<Long, Person> persons) {
    }
}
